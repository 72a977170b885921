package io.tessera.members.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/** One grant of experience; (source, reference) is unique so a repeated grant adds nothing. */
@Entity
@Table(name = "MBR_EXPERIENCE",
        uniqueConstraints = @UniqueConstraint(name = "MBR_EXPERIENCE_REF", columnNames = {"SOURCE", "REFERENCE"}),
        indexes = @Index(name = "MBR_EXPERIENCE_MEMBER", columnList = "MEMBER_ID"))
public class ExperienceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MBR_EXPERIENCE_SEQ")
    @TableGenerator(name = "MBR_EXPERIENCE_SEQ", table = "MBR_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 50)
    @Column(name = "ID")
    public long id;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "AMOUNT", nullable = false)
    public long amount;

    @Column(name = "SOURCE", length = 32, nullable = false)
    public String source;

    @Column(name = "REFERENCE", length = 100, nullable = false)
    public String reference;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime at;
}
