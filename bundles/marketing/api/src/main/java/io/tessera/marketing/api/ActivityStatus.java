package io.tessera.marketing.api;

/** DRAFT → ACTIVE ⇄ PAUSED → ENDED (ACTIVE or PAUSED may end; an ended activity stays ended). */
public enum ActivityStatus {
    DRAFT, ACTIVE, PAUSED, ENDED
}
