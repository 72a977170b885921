package io.tessera.points.api;

/** DRAFT (editable, earns nothing) → ACTIVE (earns) → STOPPED (earns nothing; may be activated again). */
public enum RuleStatus {
    DRAFT, ACTIVE, STOPPED
}
