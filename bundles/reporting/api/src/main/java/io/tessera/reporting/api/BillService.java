package io.tessera.reporting.api;

import io.tessera.platform.api.Page;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.jobs.Job;
import java.time.LocalDate;

/**
 * Channel bill reconciliation (对账), for headquarters and finance: a channel's daily bill, asked of the channel or
 * uploaded, matched line by line against Tessera's payments and refunds (the read model's tenders), its differences
 * resolved one by one, the day closed when none is left.
 */
public interface BillService {

    /** Asks the channel for the day's bill of each of its merchant accounts and reconciles each, as a job. */
    Job fetch(PaymentMethod method, LocalDate day);

    /**
     * Reconciles a bill file HQ downloaded from the channel's merchant platform, as a job (answered at once with
     * its {@code jobId}, no id yet); the same file again answers the bill it made, {@code duplicate} true.
     */
    BillImport upload(PaymentMethod method, String merchantId, LocalDate day, byte[] file);

    Page<BillImport> bills(PaymentMethod method, LocalDate from, LocalDate to, int page, int size);

    BillImport bill(long id);

    Page<BillDifference> differences(long billId, DifferenceState state, int page, int size);

    /** Records who wins an open difference and why (a reason is required). */
    BillDifference resolve(long differenceId, Resolution resolution, String reason);

    /** Closes the bill's day: refused while a difference is open or waiting. */
    BillImport close(long billId);

    /** 财务对账: per day and merchant account, the funds that should reach the bank, beside the bills' (days from, to: at most 62). */
    FundsReport funds(LocalDate from, LocalDate to);
}
