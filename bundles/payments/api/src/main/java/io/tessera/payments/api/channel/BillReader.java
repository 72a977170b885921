package io.tessera.payments.api.channel;

import java.time.LocalDate;

/**
 * Reads a channel's daily trade bill from the file a merchant downloaded from the channel's merchant platform (HQ
 * uploads it to Tessera when the channel cannot be asked). Registered as a DS service with
 * {@link PaymentChannel#METHOD}, by the channel's bundle, beside its {@link PaymentChannel}: the same parser reads a
 * downloaded and an uploaded bill.
 */
public interface BillReader {

    /**
     * The bill's rows as {@link PaymentChannel#bill} gives them, and the file's SHA-256.
     *
     * @throws IllegalArgumentException with the line at fault when the file is not such a bill
     */
    Bill read(byte[] file, LocalDate day, String merchantId);
}
