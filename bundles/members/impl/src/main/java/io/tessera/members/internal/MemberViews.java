package io.tessera.members.internal;

import io.tessera.members.api.Member;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.Phones;

/**
 * What a caller of the REST and SOAP answers sees of a member: callers of a store (clerks, store managers and
 * their integrators) get the phone masked, 138****5678 — they typed it or have the member in front of them, and
 * a store's list of members must not be a list of phone numbers. Headquarters roles see it whole. The Java API
 * between domains is not masked (a code is sent to the real number).
 */
public final class MemberViews {

    private MemberViews() {
    }

    public static Member forCaller(Member m) {
        if (m != null && m.phone != null && !CallerContext.current().seesAllStores()) {
            m.phone = Phones.mask(m.phone);
        }
        return m;
    }

    public static Page<Member> forCaller(Page<Member> page) {
        page.getItems().forEach(MemberViews::forCaller);
        return page;
    }
}
