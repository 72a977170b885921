package io.tessera.reporting.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** 财务对账 for a range of days (at most 62): a line per day, channel and merchant account, and the totals. */
public class FundsReport {
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public List<FundsLine> lines = new ArrayList<>();
    public FundsLine total;
}
