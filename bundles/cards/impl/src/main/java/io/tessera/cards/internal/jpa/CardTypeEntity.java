package io.tessera.cards.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

@Entity
@Table(name = "CRD_CARD_TYPE", uniqueConstraints = @UniqueConstraint(name = "CRD_CARD_TYPE_CODE", columnNames = "CODE"))
public class CardTypeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CRD_CARD_TYPE_SEQ")
    @TableGenerator(name = "CRD_CARD_TYPE_SEQ", table = "CRD_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 10)
    @Column(name = "ID")
    public long id;

    @Column(name = "CODE", length = 20, nullable = false)
    public String code;

    @Column(name = "NAME", length = 60, nullable = false)
    public String name;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
