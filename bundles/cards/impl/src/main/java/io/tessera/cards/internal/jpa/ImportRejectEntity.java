package io.tessera.cards.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

@Entity
@Table(name = "CRD_IMPORT_REJECT", indexes = @Index(name = "CRD_IMPORT_REJECT_LINE", columnList = "IMPORT_ID, LINE_NO"))
public class ImportRejectEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CRD_IMPORT_REJECT_SEQ")
    @TableGenerator(name = "CRD_IMPORT_REJECT_SEQ", table = "CRD_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 500)
    @Column(name = "ID")
    public long id;

    @Column(name = "IMPORT_ID", nullable = false)
    public long importId;

    @Column(name = "LINE_NO", nullable = false)
    public long line;

    @Column(name = "CARD_NO", length = 64)
    public String cardNo;

    @Column(name = "CODE", length = 30, nullable = false)
    public String code;

    @Column(name = "REASON", length = 300, nullable = false)
    public String reason;
}
