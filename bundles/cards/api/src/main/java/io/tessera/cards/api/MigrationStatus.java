package io.tessera.cards.api;

/** Whether a card's balance has moved into a member's stored value. */
public enum MigrationStatus { NOT_MIGRATED, MIGRATED }
