package io.tessera.reporting.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * 储值数据 (consumption, refunds, returned cards, recharges...): the stored-value journal's movements per type, their net
 * per day (ranges up to 62 days) or month, and the net of the range — which for one store and day equals that day's
 * line of the wallets' daily ledger (门店余额台账): in − out, principal and bonus apart.
 */
public class StoredValueReport {
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public Long storeId;
    public String formatCode;
    public List<StoredValueLine> types = new ArrayList<>();
    /** DAY or MONTH. */
    public String grain;
    public List<StoredValueLine> periods = new ArrayList<>();
    public StoredValueLine net;
}
