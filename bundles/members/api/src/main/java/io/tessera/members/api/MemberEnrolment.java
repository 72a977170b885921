package io.tessera.members.api;

/**
 * Participant API: a member enrolled by another domain's use case — a customer who paid through a payment channel
 * becomes a member (支付即会员, marketing). Joins the caller's transaction (Mandatory), takes no key (the caller's
 * own work runs once) and publishes {@code members.registered} like any registration.
 */
public interface MemberEnrolment {

    /**
     * A new ACTIVE member of channel PAY registered at the store, named {@code name} (1 to 50 characters), without a
     * phone: they add one later (PATCH /members/{id}), as the channels report none.
     */
    Member enrolPayer(long storeId, String name);
}
