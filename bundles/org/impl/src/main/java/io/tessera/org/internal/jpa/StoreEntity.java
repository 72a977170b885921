package io.tessera.org.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

@Entity
@Table(name = "ORG_STORE", uniqueConstraints = @UniqueConstraint(name = "ORG_STORE_CODE", columnNames = "CODE"))
public class StoreEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ORG_STORE_SEQ")
    @TableGenerator(name = "ORG_STORE_SEQ", table = "ORG_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", allocationSize = 10)
    @Column(name = "ID")
    public long id;

    @Column(name = "CODE", length = 32, nullable = false)
    public String code;

    @Column(name = "NAME", length = 100, nullable = false)
    public String name;

    @Column(name = "FORMAT_CODE", length = 32, nullable = false)
    public String formatCode;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;
}
