package io.tessera.org.internal;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.org.api.OrgErrors;
import io.tessera.platform.api.codes.SmsTexts;
import io.tessera.platform.api.web.ClientAddress;
import io.tessera.org.api.AuthService;
import io.tessera.org.api.LoginResult;
import io.tessera.org.api.Operator;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Phones;
import io.tessera.platform.api.auth.TokenService;
import io.tessera.platform.api.codes.VerificationCodeService;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = AuthService.class)
public class AuthServiceImpl implements AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthServiceImpl.class);
    private static final String LOGIN_SMS = SmsTexts.LOGIN.text();

    private final OrgServiceImpl org;

    private final VerificationCodeService codes;

    private final TokenService tokens;

    @Activate
    public AuthServiceImpl(@Reference OrgServiceImpl org,
            @Reference VerificationCodeService codes,
            @Reference TokenService tokens) {
        this.org = org;
        this.codes = codes;
        this.tokens = tokens;
    }

    @Override
    public void requestCode(String phone) {
        String p = Phones.require("phone", phone);
        boolean known = org.enabledOperatorByPhone(p).isPresent();
        // Same code path, same throttling, same answer for unknown phones: only delivery differs.
        // Counted against the client's address too: nobody may send codes to any number of phones.
        codes.issue(LOGIN_PURPOSE, p, known, LOGIN_SMS, ClientAddress.current().map(a -> "ip:" + a).orElse(null));
    }

    @Override
    public LoginResult login(String phone, String code) {
        String p = Phones.require("phone", phone);
        codes.verify(LOGIN_PURPOSE, p, code);
        Optional<Operator> operator = org.enabledOperatorByPhone(p);
        if (operator.isEmpty()) {
            // A code for an unknown phone is never delivered, so this is only reachable by a disabled operator.
            throw PlatformErrors.CODE_INVALID.at("code", "the code is wrong or was not requested");
        }
        TokenService.IssuedToken token = tokens.issue(operator.get().id);
        LoginResult r = new LoginResult();
        r.token = token.getToken();
        r.expiresAt = token.getExpiresAt().atZone(BusinessTime.ZONE).toOffsetDateTime();
        r.operator = operator.get();
        LOG.info("Operator {} logged in", operator.get().employeeNo);
        return r;
    }

    @Override
    public void logout(String token) {
        tokens.revoke(token);
    }

    @Override
    public Operator me() {
        Caller c = CallerContext.current();
        if (c.getKind() != Caller.Kind.OPERATOR) {
            throw OrgErrors.OPERATOR_NOT_FOUND.error("the caller is not an operator");
        }
        return org.getOperator(c.getId());
    }
}
