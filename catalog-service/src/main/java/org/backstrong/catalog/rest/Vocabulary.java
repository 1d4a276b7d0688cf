package org.backstrong.catalog.rest;

/** One term of a controlled vocabulary (a muscle, a piece of equipment, a body region). */
public record Vocabulary(String id, String name) {
}
