package org.backstrong.planner.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * Paging query parameters, taken as text so that "?page=first" is a 400 naming the field
 * (JAX-RS would answer a failed number conversion with a bare 404).
 */
public class PageRequest {

    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "\\d{1,6}", message = "must be a whole number from 0")
    public String page;

    @QueryParam("size")
    @DefaultValue("50")
    @Pattern(regexp = "0*([1-9]|[1-9]\\d|1\\d\\d|200)", message = "must be a whole number from 1 to " + MAX_SIZE)
    public String size;

    public int pageIndex() {
        return Integer.parseInt(page);
    }

    public int pageSize() {
        return Integer.parseInt(size);
    }
}
