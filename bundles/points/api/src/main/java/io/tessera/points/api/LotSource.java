package io.tessera.points.api;

/** Where a lot's points came from. DEBT is the account's one lot of points owed (never positive, never expires). */
public enum LotSource {
    ORDER, ACTIVITY, MARKETING, ADJUSTMENT, DEBT
}
