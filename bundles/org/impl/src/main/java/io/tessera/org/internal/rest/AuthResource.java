package io.tessera.org.internal.rest;

import io.tessera.org.api.AuthService;
import io.tessera.org.api.LoginResult;
import io.tessera.org.api.Operator;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.PublicEndpoint;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Operator login by phone + SMS code. */
@Component(service = AuthResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Reference
    private AuthService auth;

    public static class CodeRequest {
        public String phone;
    }

    public static class LoginRequest {
        public String phone;
        public String code;
    }

    /** Always 202 with the same body, whether or not the phone belongs to an operator. */
    @POST
    @Path("codes")
    @PublicEndpoint
    public Response requestLoginCode(CodeRequest request) {
        Checks.required("body", request);
        auth.requestCode(request.phone);
        return Response.accepted(Map.of("message", "if this phone belongs to an operator, a code is on its way")).build();
    }

    @POST
    @Path("login")
    @PublicEndpoint
    public LoginResult login(LoginRequest request) {
        Checks.required("body", request);
        return auth.login(request.phone, request.code);
    }

    @POST
    @Path("logout")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            auth.logout(authorization.substring(7).trim());
        }
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    public Operator me() {
        return auth.me();
    }
}
