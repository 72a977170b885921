package io.tessera.wallets.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import io.tessera.platform.api.Money;
import java.time.LocalDate;

/** 门店余额台账: one store, one day. opening + in − out = closing, for principal and bonus apart. */
public class DailyLedgerRow {
    public Long storeId;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate date;
    public Money principalOpening;
    public Money principalIn;
    public Money principalOut;
    public Money principalClosing;
    public Money bonusOpening;
    public Money bonusIn;
    public Money bonusOut;
    public Money bonusClosing;
}
