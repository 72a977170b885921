package io.tessera.cards.api;

import io.tessera.platform.api.ErrorCode;

/** The cards domain's error catalogue: legacy cards, card types, imports, migrations, vouchers. */
public enum CardErrors implements ErrorCode {
    CARD_NOT_FOUND(404),
    CARD_NO_INVALID(400),
    CARD_EMPTY(422),
    CARD_FROZEN(422),
    CARD_VOID(422),
    CARD_ALREADY_MIGRATED(409),
    CARD_TYPE_EXISTS(409),
    CARD_TYPE_UNKNOWN(400),
    FILE_EMPTY(400),
    FILE_FORMAT(400),
    FILE_TOO_LARGE(400),
    CHARSET_UNKNOWN(400),
    IMPORT_COLUMNS_MISSING(400),
    IMPORT_NOT_FOUND(404),
    MIGRATION_NOT_FOUND(404),
    VOUCHER_EMPTY(400),
    VOUCHER_NOT_IMAGE(400),
    VOUCHER_TOO_LARGE(400),
    VOUCHER_TOO_MANY(400),
    VOUCHER_NOT_FOUND(404);

    private final int status;

    CardErrors(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
