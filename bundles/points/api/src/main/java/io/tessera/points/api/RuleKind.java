package io.tessera.points.api;

/** SPEND: points per yuan paid for goods; ACTIVITY: fixed points (or per yuan recharged) for something the member did. */
public enum RuleKind {
    SPEND, ACTIVITY
}
