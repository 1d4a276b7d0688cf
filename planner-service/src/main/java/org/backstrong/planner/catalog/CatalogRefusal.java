package org.backstrong.planner.catalog;

/**
 * catalog-service answered, and refused the request (a 4xx problem): it is reachable, and the page
 * says what it refused, never that it cannot be reached. {@code field} and {@code detail} are its
 * problem's, when it sent one.
 */
public class CatalogRefusal extends RuntimeException {

    private final int status;
    private final String field;
    private final String detail;

    public CatalogRefusal(int status, String field, String detail) {
        super("catalog-service refused the request (HTTP " + status + (field == null ? "" : ", field " + field) + ")");
        this.status = status;
        this.field = field;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
