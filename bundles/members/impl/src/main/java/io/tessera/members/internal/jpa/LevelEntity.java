package io.tessera.members.internal.jpa;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

@Entity
@Table(name = "MBR_LEVEL", uniqueConstraints = {
        @UniqueConstraint(name = "MBR_LEVEL_NAME", columnNames = "NAME"),
        @UniqueConstraint(name = "MBR_LEVEL_THRESHOLD", columnNames = "THRESHOLD")})
public class LevelEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MBR_LEVEL_SEQ")
    @TableGenerator(name = "MBR_LEVEL_SEQ", table = "MBR_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 10)
    @Column(name = "ID")
    public long id;

    @Column(name = "NAME", length = 50, nullable = false)
    public String name;

    @Column(name = "THRESHOLD", nullable = false)
    public long threshold;

    /** e.g. 0.95 for 5 % off (9.5折); 1.00 for none. */
    @Column(name = "DISCOUNT_RATE", precision = 3, scale = 2, nullable = false)
    public BigDecimal discountRate;
}
