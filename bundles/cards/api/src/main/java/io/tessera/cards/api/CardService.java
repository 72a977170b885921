package io.tessera.cards.api;

import io.tessera.platform.api.jobs.Job;
import java.time.LocalDate;

/**
 * Card query and migration at the counter. Store-level callers see and migrate only their stores'
 * cards; headquarters roles any store's.
 */
public interface CardService {

    CardPage query(CardQuery query);

    /** The card with its migration, if migrated; 404 CARD_NOT_FOUND. */
    Card get(String cardNo);

    /**
     * Starts a migration: finds the member (404 MEMBER_NOT_REGISTERED when the phone is not a member:
     * register them on their behalf, then continue) and sends the member an SMS code that confirms
     * moving this card's balance.
     */
    MigrationPreview requestCode(String cardNo, MigrationRequests.Code request);

    /**
     * Moves the card's balance into the member's stored value and voids the card, exactly once: a card
     * already migrated, or being migrated by someone else at this moment, is refused with 409
     * CARD_ALREADY_MIGRATED. A retry with the same idempotency key answers with the first result.
     */
    CardMigration migrate(String cardNo, MigrationRequests.Migrate request, String idempotencyKey);

    /** 404 MIGRATION_NOT_FOUND when the card is not migrated. */
    CardMigration migration(String cardNo);

    CardVoucher voucher(String cardNo, int index);

    /**
     * Headquarters: starts a job writing the CSV of migrated cards to void in the legacy CRM,
     * optionally for one store and a range of migration days.
     */
    Job exportVoidList(Long storeId, LocalDate from, LocalDate to);
}
