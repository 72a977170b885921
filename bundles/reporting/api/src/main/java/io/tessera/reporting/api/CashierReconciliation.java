package io.tessera.reporting.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.LocalDateAdapter;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * 收银员对账: per method expected, counted and the difference; and the check the POS makes of its mobile payments: the
 * POS's mobile-payment total = Tessera's net received through WeChat Pay and Alipay + the discounts Tessera gave.
 */
public class CashierReconciliation {
    public long storeId;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate day;
    public String tillNo;
    public String cashier;
    public List<CashierLine> lines = new ArrayList<>();
    /** Every method's expected. */
    public Money expected;
    /** What was counted, and its difference from the counted methods' expected (absent before a count). */
    public Money counted;
    public Money difference;
    /** WeChat Pay + Alipay net received. */
    public Money mobileNetReceived;
    /** Discounts (level, coupons, points) of the orders paid. */
    public Money discount;
    /** mobileNetReceived + discount: what the POS's mobile-payment total should show. */
    public Money posMobileTotal;
    public String countedBy;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime countedAt;
}
