package org.backstrong.planner.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One term of the catalog's vocabularies (a muscle, a piece of equipment, a body region). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogTerm(String id, String name) {}
