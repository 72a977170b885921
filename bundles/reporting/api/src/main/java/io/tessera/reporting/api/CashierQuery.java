package io.tessera.reporting.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * Whose takings: a store and a business day (both required), and optionally one till (as the POS numbers it) and one
 * cashier (the operator as orders name them, e.g. "operator:E10301"): a shift is one cashier at one till.
 */
public class CashierQuery {
    public Long storeId;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate day;
    public String tillNo;
    public String cashier;
}
