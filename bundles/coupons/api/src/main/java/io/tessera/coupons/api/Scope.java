package io.tessera.coupons.api;

/** Where a template applies: everywhere, only the listed entries, or everywhere but the listed entries (products only). */
public enum Scope {
    ALL, LISTED, EXCLUDED
}
