package org.backstrong.catalog.service;

/** One term of a controlled vocabulary (a muscle, a piece of equipment, a body region). */
public record Vocabulary(String id, String name) {}
