package io.tessera.platform.api.codes;

/**
 * One-time SMS verification codes: 6 random digits, stored hashed, valid 10 minutes, single use,
 * dead after 5 wrong tries, at most one new code per phone and purpose every 60 seconds.
 */
public interface VerificationCodeService {

    /**
     * Issues a code for the phone and purpose. When {@code deliver} is false the code is created and
     * throttled exactly the same way but not sent: callers use this for unknown phones so that
     * the answer never tells whether a phone is registered.
     *
     * @param messageTemplate text of the SMS with {@code {code}} where the code goes
     */
    default void issue(String purpose, String phone, boolean deliver, String messageTemplate) {
        issue(purpose, phone, deliver, messageTemplate,
                io.tessera.platform.api.CallerContext.find().map(io.tessera.platform.api.Caller::identity).orElse(null));
    }

    /**
     * As {@link #issue(String, String, boolean, String)}, counting the code against {@code requester}
     * (a client address, a caller's identity): a requester gets at most the configured number of codes
     * an hour, whatever the phones (429 CODE_REQUESTS_TOO_MANY), so nobody can send codes to any number
     * of phones.
     */
    void issue(String purpose, String phone, boolean deliver, String messageTemplate, String requester);

    /**
     * Consumes the code or throws 400 CODE_INVALID / CODE_EXPIRED / CODE_DEAD (field "code"). Joins the
     * caller's transaction: call it outside one (as login does) so that a wrong try counts even though
     * the call fails, or call {@link #check} first.
     */
    void verify(String purpose, String phone, String code);

    /**
     * Checks the code without consuming it; call it outside any transaction: a wrong try counts (and is
     * committed) before the same errors as {@link #verify} are thrown. A right code stays usable, so
     * work that must commit together with the code's use checks it first, then calls verify inside
     * its transaction.
     */
    void check(String purpose, String phone, String code);
}
