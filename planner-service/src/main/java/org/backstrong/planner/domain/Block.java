package org.backstrong.planner.domain;

/** Where an item sits in a session: the warm-up always comes first. */
public enum Block {
    WARM_UP("warm-up"),
    MAIN("main");

    private final String label;

    Block(String label) {
        this.label = label;
    }

    /** The block as clients and events name it. */
    public String label() {
        return label;
    }
}
