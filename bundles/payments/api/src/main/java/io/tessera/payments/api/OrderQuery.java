package io.tessera.payments.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Filters of the order list: a store (a store's operators see only their own), a member, a state, a day range; paged. */
public class OrderQuery {
    public Long storeId;
    public Long memberId;
    public OrderState state;
    public OrderKind kind;
    public String posOrderNo;
    /** Creation day, from and to inclusive (business days, Asia/Shanghai). */
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public int page = 1;
    public int size = 20;
}
