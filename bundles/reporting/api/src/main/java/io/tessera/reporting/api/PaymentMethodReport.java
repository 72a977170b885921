package io.tessera.reporting.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** 支付方式报表: one line per method (WeChat, Alipay, POS card, member stored value, cash, always all five) and the totals. */
public class PaymentMethodReport {
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public Long storeId;
    public String formatCode;
    public List<PaymentMethodRow> rows = new ArrayList<>();
    public PaymentMethodRow total;
}
