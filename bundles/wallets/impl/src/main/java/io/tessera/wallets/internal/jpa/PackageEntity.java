package io.tessera.wallets.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

@Entity
@Table(name = "WAL_PACKAGE")
public class PackageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "WAL_PACKAGE_SEQ")
    @TableGenerator(name = "WAL_PACKAGE_SEQ", table = "WAL_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 10)
    @Column(name = "ID")
    public long id;

    @Column(name = "NAME", length = 50, nullable = false)
    public String name;

    @Column(name = "PAY_AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal payAmount;

    @Column(name = "BONUS_AMOUNT", precision = 19, scale = 2, nullable = false)
    public BigDecimal bonusAmount;

    @Column(name = "VALID_FROM", nullable = false)
    public LocalDate validFrom;

    @Column(name = "VALID_TO", nullable = false)
    public LocalDate validTo;

    @Column(name = "ENABLED", nullable = false)
    public boolean enabled;
}
