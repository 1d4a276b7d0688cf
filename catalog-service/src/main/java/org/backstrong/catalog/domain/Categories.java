package org.backstrong.catalog.domain;

import java.util.List;

/** The kinds of exercise a plan is built from; the warm-up block comes first in every plan. */
public final class Categories {

    public static final String WARM_UP = "warm-up";
    public static final List<String> ALL = List.of(WARM_UP, "strength", "mobility", "stretching");

    private Categories() {}
}
