package io.tessera.wallets.internal;

import io.tessera.platform.api.TesseraException;

/** When a recharge may be reversed: once, and only while the account still holds all it brought. */
public final class ReversalRule {

    private ReversalRule() {
    }

    /** Throws 409 RECHARGE_ALREADY_REVERSED or 422 RECHARGE_ALREADY_SPENT; amounts in fen. */
    public static void check(boolean alreadyReversed, long rechargePrincipal, long rechargeBonus, long accountPrincipal,
                             long accountBonus) {
        if (alreadyReversed) {
            throw TesseraException.conflict("RECHARGE_ALREADY_REVERSED", "this recharge was already reversed", "rechargeEntryId");
        }
        if (accountPrincipal < rechargePrincipal || accountBonus < rechargeBonus) {
            throw TesseraException.rule("RECHARGE_ALREADY_SPENT",
                    "part of this recharge was already spent: it can no longer be reversed", "rechargeEntryId");
        }
    }
}
