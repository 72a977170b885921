package io.tessera.reporting.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** 积分数据: points moved per day (ranges up to 62 days) or month, and over the range; a store: what moved there. */
public class PointsReport {
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public Long storeId;
    public String formatCode;
    /** DAY or MONTH. */
    public String grain;
    /** The periods in which points moved, oldest first. */
    public List<PointsLine> periods = new ArrayList<>();
    public PointsLine total;
}
