package io.tessera.wallets.internal;

import io.tessera.wallets.api.WalletErrors;

/** When a recharge may be reversed: once, and only while the account still holds all it brought. */
public final class ReversalRule {

    private ReversalRule() {
    }

    /** Throws 409 RECHARGE_ALREADY_REVERSED or 422 RECHARGE_ALREADY_SPENT; amounts in fen. */
    public static void check(boolean alreadyReversed, long rechargePrincipal, long rechargeBonus, long accountPrincipal,
                             long accountBonus) {
        if (alreadyReversed) {
            throw WalletErrors.RECHARGE_ALREADY_REVERSED.at("rechargeEntryId", "this recharge was already reversed");
        }
        if (accountPrincipal < rechargePrincipal || accountBonus < rechargeBonus) {
            throw WalletErrors.RECHARGE_ALREADY_SPENT.at("rechargeEntryId",
                    "part of this recharge was already spent: it can no longer be reversed");
        }
    }
}
