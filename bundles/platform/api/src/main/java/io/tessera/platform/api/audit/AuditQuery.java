package io.tessera.platform.api.audit;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * Which audit entries (操作记录): days {@code from} to {@code to} (both required, business days), and optionally a store,
 * who did it (the actor as recorded, e.g. "operator:E10301"), an action (or its beginning, e.g. "wallets."), an entity
 * type; paged.
 */
public class AuditQuery {
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public Long storeId;
    public String actor;
    public String action;
    public String entityType;
    public Integer page = 1;
    public Integer size = 20;
}
