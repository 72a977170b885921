package io.tessera.marketing.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** A member's card: VERSION counts its changes (0: made, not opened yet), PUSHED_VERSION the last one its channel took. */
@Entity
@Table(name = "MKT_MEMBER_CARD", uniqueConstraints = @UniqueConstraint(name = "MKT_MEMBER_CARD_ID", columnNames = {"CARD_ID", "MEMBER_ID"}),
        indexes = @Index(name = "MKT_MEMBER_CARD_MEMBER", columnList = "MEMBER_ID"))
public class MemberCardEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID", nullable = false)
    public long id;

    @Column(name = "CARD_ID", nullable = false)
    public long cardId;

    @Column(name = "MEMBER_ID", nullable = false)
    public long memberId;

    @Column(name = "CODE", length = 40, nullable = false)
    public String code;

    @Column(name = "VERSION", nullable = false)
    public long version;

    @Column(name = "PUSHED_VERSION", nullable = false)
    public long pushedVersion;

    @Column(name = "PUSHED_AT")
    public LocalDateTime pushedAt;

    @Column(name = "OPENED_AT")
    public LocalDateTime openedAt;
}
