package io.tessera.wallets.api;

/** How a member payment divides between principal (本金) and bonus (赠金). */
public enum SplitPolicy { PROPORTIONAL, PRINCIPAL_FIRST, BONUS_FIRST }
