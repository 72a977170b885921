package io.tessera.cards.api;

import io.tessera.platform.api.Money;
import java.util.List;
import javax.xml.bind.annotation.XmlType;

/** One page of cards with the totals of every card the filters match. */
@XmlType(name = "cardPage")
public class CardPage {
    public List<Card> items;
    public int page;
    public int size;
    /** Cards matching the filters, across all pages. */
    public long total;
    /** Sum of the balances of all matching cards. */
    public Money totalBalance;
}
