package io.tessera.members.internal.jpa;

import java.time.LocalDate;
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

@Entity
@Table(name = "MBR_MEMBER",
        uniqueConstraints = {
                @UniqueConstraint(name = "MBR_MEMBER_PHONE", columnNames = "PHONE"),
                @UniqueConstraint(name = "MBR_MEMBER_NO", columnNames = "MEMBER_NO")},
        indexes = {
                @Index(name = "MBR_MEMBER_STORE", columnList = "REGISTERED_STORE_ID"),
                @Index(name = "MBR_MEMBER_EXP", columnList = "EXPERIENCE")})
public class MemberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "MBR_MEMBER_SEQ")
    @TableGenerator(name = "MBR_MEMBER_SEQ", table = "MBR_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 50)
    @Column(name = "ID")
    public long id;

    @Column(name = "MEMBER_NO", length = 20, nullable = false)
    public String memberNo;

    /** Null once the card is returned (erased). */
    @Column(name = "PHONE", length = 20)
    public String phone;

    @Column(name = "NAME", length = 50)
    public String name;

    @Column(name = "GENDER", length = 10, nullable = false)
    public String gender;

    @Column(name = "BIRTHDAY")
    public LocalDate birthday;

    /** The birthday's month and day as mmdd (1205), kept with it: members born on a day are found by an index. */
    @Column(name = "BIRTH_MMDD")
    public Integer birthMmdd;

    @Column(name = "REGISTERED_STORE_ID", nullable = false)
    public long registeredStoreId;

    @Column(name = "CHANNEL", length = 12, nullable = false)
    public String channel;

    @Column(name = "REGISTERED_BY", length = 100, nullable = false)
    public String registeredBy;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "LEVEL_ID")
    public Long levelId;

    @Column(name = "EXPERIENCE", nullable = false)
    public long experience;

    /** Experience since the last yearly level review (all of it until the first): what levels follow under levels.review=YEARLY. */
    @Column(name = "PERIOD_EXPERIENCE", nullable = false)
    public long periodExperience;

    @Column(name = "REGISTERED_AT", nullable = false)
    public LocalDateTime registeredAt;

    @Column(name = "RETURNED_AT")
    public LocalDateTime returnedAt;
}
