package io.tessera.cards.internal.jpa;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** A voucher image, stored in the database so that it commits (or not) with its migration. */
@Entity
@Table(name = "CRD_VOUCHER", uniqueConstraints = @UniqueConstraint(name = "CRD_VOUCHER_SEQ_NO", columnNames = {"MIGRATION_ID", "SEQ_NO"}))
public class VoucherEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "CRD_VOUCHER_SEQ")
    @TableGenerator(name = "CRD_VOUCHER_SEQ", table = "CRD_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 20)
    @Column(name = "ID")
    public long id;

    @Column(name = "MIGRATION_ID", nullable = false)
    public long migrationId;

    @Column(name = "SEQ_NO", nullable = false)
    public int seq;

    @Column(name = "FILE_NAME", length = 200)
    public String fileName;

    @Column(name = "CONTENT_TYPE", length = 20, nullable = false)
    public String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    public long sizeBytes;

    @Column(name = "SHA256", length = 64, nullable = false)
    public String sha256;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "CONTENT", length = 2_097_152, nullable = false)
    public byte[] content;
}
