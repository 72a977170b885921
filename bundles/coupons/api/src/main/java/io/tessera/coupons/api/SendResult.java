package io.tessera.coupons.api;

import io.tessera.platform.api.jobs.Job;
import java.util.List;
import javax.xml.bind.annotation.XmlType;

/** What a send did: for listed members, each one's coupon or refusal; for a segment, the job sending it. */
@XmlType(name = "sendCouponsResult")
public class SendResult {
    public long templateId;
    /** MEMBERS, LEVEL, STORE or ALL. */
    public String target;
    /** Listed members: the coupons sent (a retry with the same key answers the same coupons). */
    public List<Coupon> sent;
    public List<Refused> refused;
    /** A segment: the job (poll it; its counters say sent and refused). */
    public Job job;

    /** A member who got no coupon, and why. */
    @XmlType(name = "sendRefusal")
    public static class Refused {
        public long memberId;
        public String code;
        public String message;
    }
}
