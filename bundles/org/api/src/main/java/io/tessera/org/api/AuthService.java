package io.tessera.org.api;

/** Operator login by registered phone and SMS code. */
public interface AuthService {

    /** Login code purpose in the verification code store. */
    String LOGIN_PURPOSE = "OPERATOR_LOGIN";

    /**
     * Sends a login code when the phone belongs to an enabled operator. Answers the same way,
     * and takes the same throttling, for unknown phones.
     */
    void requestCode(String phone);

    LoginResult login(String phone, String code);

    void logout(String token);

    /** The operator behind the current caller. */
    Operator me();
}
