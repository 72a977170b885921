package io.tessera.reporting.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** 概览数据: the range's figures per day (ranges up to 62 days) or month, and for the whole range. */
public class OverviewReport {
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public Long storeId;
    public String formatCode;
    /** DAY or MONTH. */
    public String grain;
    /** Every day or month of the range, oldest first (also those with nothing). */
    public List<OverviewLine> periods = new ArrayList<>();
    public OverviewLine total;
}
