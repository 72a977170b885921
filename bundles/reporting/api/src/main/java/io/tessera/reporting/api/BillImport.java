package io.tessera.reporting.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.LocalDateAdapter;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * A channel's daily bill for one merchant account, matched line by line against Tessera: its totals beside Tessera's
 * for the same trades, how many lines matched, and its differences by state. The day closes when none is open or
 * waiting.
 */
public class BillImport {
    public Long id;
    public PaymentMethod method;
    public String merchantId;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate day;
    /** SHA-256 of the file: the same file is imported once. */
    public String sha256;
    /** CHANNEL (asked of the channel) or UPLOAD (a file HQ gave). */
    public String source;
    public long rows;
    /** The bill's payments, refunds and net fees. */
    public Money billPaid;
    public Money billRefunded;
    public Money billFee;
    /** Tessera's payments, refunds and net fees of the day for the merchant account's stores. */
    public Money tesseraPaid;
    public Money tesseraRefunded;
    public Money tesseraFee;
    public long matched;
    public long open;
    public long waiting;
    public long resolved;
    public long cleared;
    public String importedBy;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime importedAt;
    public String closedBy;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime closedAt;
    /** The job that imports it (an upload answered before it ran). */
    public Long jobId;
    /** An upload of a file imported before: nothing ran again. */
    public boolean duplicate;
}
