package io.tessera.reporting.internal.jpa;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * RPT_FACT_KEY: a member registration, coupon claim, redemption or return, or points journal row already counted in
 * RPT_METRIC_SUM (M:&lt;member&gt;, CI:&lt;coupon&gt;, CR:&lt;coupon&gt;:&lt;order&gt;, CX:&lt;coupon&gt;:&lt;order&gt;, PT:&lt;row&gt;): a second
 * delivery, or the event of a fact the rebuild wrote, adds nothing.
 */
@Entity
@Table(name = "RPT_FACT_KEY")
public class FactKey {

    @Id
    @Column(name = "SOURCE_KEY", nullable = false)
    public String key;

    @Column(name = "COUNTED_AT", nullable = false)
    public LocalDateTime at;
}
