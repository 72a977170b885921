package io.tessera.payments.api;

/** A sale of goods at the till, or a stored-value recharge paid through a channel (credited once, when paid). */
public enum OrderKind { SALE, RECHARGE }
