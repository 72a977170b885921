package io.tessera.wallets.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.time.LocalDate;

/** 交易记录查询: every filter optional. A store-level caller only sees its stores' members and transactions. */
public class TransactionQuery {
    public Long memberId;
    public Long storeId;
    public EntryType type;
    public String cardNo;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public int page = 1;
    public int size = 20;
}
