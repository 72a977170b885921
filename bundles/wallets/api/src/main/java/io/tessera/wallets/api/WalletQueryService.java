package io.tessera.wallets.api;

import io.tessera.platform.api.Page;
import java.time.LocalDate;
import java.util.List;

/** The store terminal's queries over accounts, journal and ledgers. */
public interface WalletQueryService {

    Page<Account> balances(BalanceQuery query);

    Page<JournalEntry> transactions(TransactionQuery query);

    /** For one store ({@code storeId}) or every store of a format ({@code formatCode}). */
    GeneralLedger generalLedger(Long storeId, String formatCode);

    /** Members holding a balance at the store. */
    Page<Account> holders(long storeId, int page, int size);

    /** One row per day from {@code from} to {@code to} inclusive (at most 366 days). */
    List<DailyLedgerRow> dailyLedger(long storeId, LocalDate from, LocalDate to);
}
