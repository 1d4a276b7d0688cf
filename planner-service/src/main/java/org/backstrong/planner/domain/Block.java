package org.backstrong.planner.domain;

/** Where an item sits in a session: the warm-up always comes first. */
public enum Block {
    WARM_UP,
    MAIN
}
