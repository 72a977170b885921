package io.tessera.platform.api.xml;

import io.tessera.platform.api.Money;
import java.math.BigDecimal;
import javax.xml.bind.annotation.adapters.XmlAdapter;

/** Amounts in SOAP messages as xs:decimal with at most two places. */
public class MoneyAdapter extends XmlAdapter<BigDecimal, Money> {

    @Override
    public Money unmarshal(BigDecimal v) {
        return v == null ? null : Money.of(v);
    }

    @Override
    public BigDecimal marshal(Money v) {
        return v == null ? null : v.toBigDecimal();
    }
}
