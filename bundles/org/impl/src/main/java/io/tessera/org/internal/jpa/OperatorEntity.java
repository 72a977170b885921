package io.tessera.org.internal.jpa;

import java.util.HashSet;
import java.util.Set;
import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

@Entity
@Table(name = "ORG_OPERATOR", uniqueConstraints = {
        @UniqueConstraint(name = "ORG_OPERATOR_EMPNO", columnNames = "EMPLOYEE_NO"),
        @UniqueConstraint(name = "ORG_OPERATOR_PHONE", columnNames = "PHONE")})
public class OperatorEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ORG_OPERATOR_SEQ")
    @TableGenerator(name = "ORG_OPERATOR_SEQ", table = "ORG_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 10)
    @Column(name = "ID")
    public long id;

    @Column(name = "EMPLOYEE_NO", length = 32, nullable = false)
    public String employeeNo;

    @Column(name = "NAME", length = 50, nullable = false)
    public String name;

    @Column(name = "PHONE", length = 20, nullable = false)
    public String phone;

    @Column(name = "ENABLED", nullable = false)
    public boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ORG_OPERATOR_ROLE", joinColumns = @JoinColumn(name = "OPERATOR_ID"))
    @Column(name = "ROLE_NAME", length = 32)
    public Set<String> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ORG_OPERATOR_STORE", joinColumns = @JoinColumn(name = "OPERATOR_ID"))
    @Column(name = "STORE_ID")
    public Set<Long> storeIds = new HashSet<>();
}
