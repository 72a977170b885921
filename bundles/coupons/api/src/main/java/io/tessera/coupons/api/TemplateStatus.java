package io.tessera.coupons.api;

/** DRAFT (editable) → ACTIVE (claimable; its money fields fixed) → STOPPED (no new coupons; may be activated again). */
public enum TemplateStatus {
    DRAFT, ACTIVE, STOPPED
}
