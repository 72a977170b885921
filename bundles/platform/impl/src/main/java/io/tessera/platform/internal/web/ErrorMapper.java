package io.tessera.platform.internal.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tessera.platform.api.ApiError;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.DbErrors;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception a REST call can end with becomes {@code {"code","message","field"}} with the
 * right status. Unexpected errors are logged with a reference and answered 500 without details.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable t) {
        TesseraException te = find(t, TesseraException.class);
        if (te != null) {
            Response.ResponseBuilder b = body(te.getStatus(), te.toApiError());
            if (te.getStatus() == 401) {
                b.header("WWW-Authenticate", "Bearer realm=\"tessera\", Basic realm=\"tessera\"");
            }
            return b.build();
        }
        JsonProcessingException json = find(t, JsonProcessingException.class);
        if (json != null) {
            return body(400, jsonError(json)).build();
        }
        if (t instanceof WebApplicationException) {
            int status = ((WebApplicationException) t).getResponse().getStatus();
            if (status < 500) {
                // What CXF refuses before a resource runs: no such path, method, media type.
                PlatformErrors code = switch (status) {
                    case 404 -> PlatformErrors.NOT_FOUND;
                    case 405 -> PlatformErrors.METHOD_NOT_ALLOWED;
                    case 406 -> PlatformErrors.NOT_ACCEPTABLE;
                    case 413 -> PlatformErrors.BODY_TOO_LARGE;
                    case 415 -> PlatformErrors.UNSUPPORTED_MEDIA_TYPE;
                    default -> PlatformErrors.BAD_REQUEST;
                };
                Response.Status s = Response.Status.fromStatusCode(code.status());
                return body(code.status(), code.body(s == null ? "request refused" : s.getReasonPhrase(), null)).build();
            }
        }
        if (DbErrors.isUniqueViolation(t)) {
            return body(409, PlatformErrors.CONFLICT.body("a record with the same unique value already exists", null)).build();
        }
        String ref = UUID.randomUUID().toString();
        LOG.error("Unexpected error, reference {}", ref, t);
        return body(500, PlatformErrors.INTERNAL_ERROR.body("internal error; reference " + ref, null)).build();
    }

    static ApiError jsonError(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return PlatformErrors.JSON_MALFORMED.body("the body is not well-formed JSON", null);
        }
        String field = null;
        if (e instanceof JsonMappingException) {
            field = ((JsonMappingException) e).getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (field.isEmpty()) {
                field = null;
            }
        }
        if (e instanceof UnrecognizedPropertyException) {
            return PlatformErrors.FIELD_UNKNOWN.body("unknown field " + field, field);
        }
        if (e instanceof InvalidNullException && field != null) {
            return PlatformErrors.FIELD_INVALID.body(field + " must not be null: leave it out instead", field);
        }
        if (field == null) {
            return PlatformErrors.JSON_MALFORMED.body("the body does not have the expected shape", null);
        }
        return PlatformErrors.FIELD_INVALID.body(field + " has a value of the wrong type or format", field);
    }

    private static Response.ResponseBuilder body(int status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error);
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
