package io.tessera.payments.api.spi;

import io.tessera.platform.api.Money;
import java.util.List;

/** A discount as checkout applied it: the offer's reference, the amount taken (at most offered) and what each line carried. */
public class Taken {
    public String reference;
    public Long quantity;
    public Money amount;
    /** One per order line, in line order (zero where the discount took nothing). */
    public List<Money> perLine;
}
