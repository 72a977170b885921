package io.tessera.platform.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** An integrator client: its secret as a salted PBKDF2 hash, its role and the stores it may act for. */
@Entity
@Table(name = "PLT_CLIENT")
public class ClientEntity {

    @Id
    @Column(name = "CLIENT_ID", length = 64)
    public String clientId;

    @Column(name = "NAME", length = 100, nullable = false)
    public String name;

    @Column(name = "SECRET_HASH", length = 200, nullable = false)
    public String secretHash;

    @Column(name = "ROLE_NAME", length = 32, nullable = false)
    public String role;

    /** Comma-separated store ids; empty for headquarters roles. */
    @Column(name = "STORE_IDS", length = 2000, nullable = false)
    public String storeIds;

    @Column(name = "ENABLED", nullable = false)
    public boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    public LocalDateTime createdAt;
}
