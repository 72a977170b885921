package io.tessera.marketing.api;

/**
 * SCHEDULED (waits for runAt; may be CANCELLED) → RUNNING (a job walks the segment) → DONE; STOPPED when the job
 * was cut short (a restart) or stopped (the activity ran out of budget or ended): it may be resumed, and nobody is
 * rewarded twice.
 */
public enum SendState {
    SCHEDULED, RUNNING, DONE, STOPPED, CANCELLED
}
