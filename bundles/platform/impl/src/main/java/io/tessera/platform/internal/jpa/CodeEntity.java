package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A verification code: hashed with its phone and purpose, counting wrong tries. */
@Entity
@Table(name = "PLT_CODE", indexes = {@Index(name = "PLT_CODE_PHONE", columnList = "PURPOSE,PHONE,CREATED_AT"),
        @Index(name = "PLT_CODE_REQUESTER", columnList = "REQUESTER,CREATED_AT")})
public class CodeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "PLT_CODE_SEQ")
    @TableGenerator(name = "PLT_CODE_SEQ", table = "PLT_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 20)
    @Column(name = "ID")
    public long id;

    @Column(name = "PURPOSE", length = 32, nullable = false)
    public String purpose;

    @Column(name = "PHONE", length = 20, nullable = false)
    public String phone;

    @Column(name = "CODE_HASH", length = 64, nullable = false)
    public String codeHash;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    public LocalDateTime expiresAt;

    @Column(name = "FAILED_ATTEMPTS", nullable = false)
    public int failedAttempts;

    /** Who asked for it: "ip:<address>" for the open login endpoints, a caller's identity otherwise. */
    @Column(name = "REQUESTER", length = 160)
    public String requester;

    /** USABLE, USED or DEAD (too many wrong tries, or replaced by a newer code). */
    @Column(name = "STATE", length = 10, nullable = false)
    public String state;
}
