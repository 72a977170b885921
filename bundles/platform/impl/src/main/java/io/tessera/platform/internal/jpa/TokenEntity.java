package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** An operator session token, kept only as its SHA-256 hash. */
@Entity
@Table(name = "PLT_TOKEN", indexes = @Index(name = "PLT_TOKEN_OPERATOR", columnList = "OPERATOR_ID"))
public class TokenEntity {

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    public String tokenHash;

    @Column(name = "OPERATOR_ID", nullable = false)
    public long operatorId;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    public LocalDateTime expiresAt;

    @Column(name = "REVOKED", nullable = false)
    public boolean revoked;
}
