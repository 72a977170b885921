package io.tessera.reporting.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * 充值数据 summary: the totals, one line per payment method, and one line per day (ranges up to 62 days) or per month
 * (longer ranges), for the trend.
 */
public class RechargeReport {
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public Long storeId;
    public String formatCode;
    public RechargeFigures total;
    public List<RechargeFigures> methods = new ArrayList<>();
    /** DAY or MONTH: what a line of {@code periods} covers. */
    public String grain;
    public List<RechargeFigures> periods = new ArrayList<>();
}
