package io.tessera.org.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity
@Table(name = "ORG_FORMAT")
public class FormatEntity {

    @Id
    @Column(name = "CODE", length = 32)
    public String code;

    @Column(name = "NAME", length = 100, nullable = false)
    public String name;
}
