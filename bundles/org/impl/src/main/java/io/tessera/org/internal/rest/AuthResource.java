package io.tessera.org.internal.rest;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.tessera.org.api.AuthService;
import io.tessera.org.api.LoginResult;
import io.tessera.org.api.Operator;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.PublicEndpoint;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Operator login by phone + SMS code. */
@Component(service = AuthResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final AuthService auth;

    @Activate
    public AuthResource(@Reference AuthService auth) {
        this.auth = auth;
    }

    public static class CodeRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The operator's registered mobile number",
                pattern = "^1[3-9]\\d{9}$", example = "13800000001")
        public String phone;
    }

    public static class LoginRequest {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^1[3-9]\\d{9}$", example = "13800000001")
        public String phone;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The 6-digit SMS code", example = "448075")
        public String code;
    }

    /** The answer to a code request, the same for every phone. */
    public static class CodeRequested {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public String message;

        CodeRequested(String message) {
            this.message = message;
        }
    }

    /** Always 202 with the same body, whether or not the phone belongs to an operator. */
    @POST
    @Path("codes")
    @PublicEndpoint
    @ApiResponse(responseCode = "202", description = "Accepted: the same answer whether or not the phone belongs to an operator", content = @Content(schema = @Schema(implementation = CodeRequested.class)))
    public Response requestLoginCode(CodeRequest request) {
        Checks.required("body", request);
        auth.requestCode(request.phone);
        return Response.accepted(new CodeRequested("if this phone belongs to an operator, a code is on its way")).build();
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
    @ApiResponse(responseCode = "204", description = "Logged out (the token no longer works)")
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
