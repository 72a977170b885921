package io.tessera.coupons.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One entry of a template's lists: a store (id), a store format (code) or a product (SKU). */
@Entity
@Table(name = "CPN_TEMPLATE_SCOPE", uniqueConstraints = @UniqueConstraint(name = "CPN_TEMPLATE_SCOPE_ENTRY",
        columnNames = {"TEMPLATE_ID", "ENTRY_TYPE", "VAL"}))
public class ScopeEntity {

    public static final String STORE = "STORE";
    public static final String FORMAT = "FORMAT";
    public static final String SKU = "SKU";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    public long id;

    @Column(name = "TEMPLATE_ID", nullable = false)
    public long templateId;

    @Column(name = "ENTRY_TYPE", length = 6, nullable = false)
    public String type;

    @Column(name = "VAL", length = 64, nullable = false)
    public String value;
}
