package io.tessera.wallets.api;

/** STORE: one account per member and store, usable only there. UNIFIED: one account for the whole chain. */
public enum WalletMode { STORE, UNIFIED }
