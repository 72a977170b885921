package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** A completed idempotent write: the request fingerprint and the response given the first time. */
@Entity
@Table(name = "PLT_IDEMPOTENCY")
public class IdempotencyEntity {

    /**
     * SHA-256 of caller and client key: a key belongs to one caller and one operation ({@link #scope}).
     * Rows written before keys were bound to their operation hashed caller, scope and key, and have no
     * {@link #bound} flag.
     */
    @Id
    @Column(name = "KEY_HASH", length = 64)
    public String keyHash;

    @Column(name = "SCOPE", length = 64, nullable = false)
    public String scope;

    @Column(name = "REQUEST_HASH", length = 64, nullable = false)
    public String requestHash;

    @Lob
    @Column(name = "RESPONSE_JSON", nullable = false)
    public String responseJson;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;

    /** True for rows keyed by caller and key alone (null on rows of earlier releases). */
    @Column(name = "BOUND")
    public Boolean bound;
}
