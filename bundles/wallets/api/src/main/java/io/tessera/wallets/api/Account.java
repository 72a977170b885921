package io.tessera.wallets.api;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import io.tessera.platform.api.Money;
import java.time.OffsetDateTime;

/** A member's stored-value account in one scope: a store (store mode) or the chain (unified mode). */
public class Account {
    public enum Status { OPEN, CLOSED }

    public Long id;
    public Long memberId;
    public String memberNo;
    public String memberName;
    /** The store the account belongs to; null for the chain account. */
    public Long scopeStoreId;
    public Money principal;
    public Money bonus;
    public Money total;
    /** Set aside by open holds (checkout authorisations). */
    public Money held;
    /** What can be paid now: total − held. */
    public Money available;
    public Status status;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime openedAt;
}
