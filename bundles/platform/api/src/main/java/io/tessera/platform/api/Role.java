package io.tessera.platform.api;

/** Operator roles. Store-level roles see only their stores; headquarters roles see all stores. */
public enum Role {
    CLERK(false),
    STORE_MANAGER(false),
    FINANCE(true),
    HQ_ADMIN(true);

    private final boolean headquarters;

    Role(boolean headquarters) {
        this.headquarters = headquarters;
    }

    public boolean isHeadquarters() {
        return headquarters;
    }
}
