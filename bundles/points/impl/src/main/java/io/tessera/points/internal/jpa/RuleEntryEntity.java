package io.tessera.points.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One entry of a rule's lists: a store (id), a store format (code), or a level (id) with its multiplier. */
@Entity
@Table(name = "PTS_RULE_ENTRY",
        uniqueConstraints = @UniqueConstraint(name = "PTS_RULE_ENTRY_VAL", columnNames = {"RULE_ID", "ENTRY_TYPE", "VAL"}))
public class RuleEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "RULE_ID", nullable = false)
    public long ruleId;

    @Column(name = "ENTRY_TYPE", length = 6, nullable = false)
    public String type;

    @Column(name = "VAL", length = 20, nullable = false)
    public String value;

    @Column(name = "MULTIPLIER", precision = 5, scale = 2)
    public BigDecimal multiplier;
}
