package io.tessera.payments.internal.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.org.api.OrgService;
import io.tessera.payments.api.channel.ChannelInfo;
import io.tessera.payments.api.channel.Notification;
import io.tessera.payments.api.channel.NotificationRequest;
import io.tessera.payments.internal.ChannelNotifications;
import io.tessera.payments.internal.Channels;
import io.tessera.platform.api.ApiError;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.PublicEndpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The payment channels: which are installed (for people), and where each sends its notifications — open
 * to the channel, without Tessera's authentication, because the channel's own signature is checked instead.
 */
@Component(service = ChannelsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/payments/channels")
public class ChannelsResource {

    private final ChannelNotifications notifications;
    private final Channels channels;
    private final OrgService org;

    @Activate
    public ChannelsResource(@Reference ChannelNotifications notifications, @Reference Channels channels, @Reference OrgService org) {
        this.notifications = notifications;
        this.channels = channels;
        this.org = org;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The payment channels installed, with their merchant accounts and the stores each serves (no secret)",
            description = "Headquarters see every account; a store's operator only the accounts that serve their stores.")
    public List<ChannelInfo> list() {
        Caller caller = CallerContext.current();
        List<ChannelInfo> all = channels.infos();
        if (caller.seesAllStores()) {
            return all;
        }
        Set<String> codes = caller.getStoreIds().stream().map(org::findStore).flatMap(Optional::stream).map(s -> s.code)
                .collect(Collectors.toSet());
        for (ChannelInfo c : all) {
            if (c.accounts != null) {
                c.accounts = c.accounts.stream().filter(a -> a.stores != null && (a.stores.contains("*")
                        || a.stores.stream().anyMatch(codes::contains))).toList();
            }
        }
        return all;
    }

    @POST
    @Path("{channel}/notify")
    @PublicEndpoint
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Operation(summary = "A channel's payment or refund notification (wechat: WeChat Pay API v3; alipay: Alipay RSA2)",
            description = "Answered without authentication: the channel's signature is verified over the raw body (WeChat Pay: the "
                    + "Wechatpay-Timestamp, -Nonce, -Signature and -Serial headers; Alipay: the sign parameter). Applied once, "
                    + "whatever its repetition or order. Refused (nothing changes) when the signature fails, or when it names "
                    + "no payment or refund of Tessera's or another amount; the channel then sends it again later.")
    @RequestBody(required = true, description = "The notification exactly as the channel sent it",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")),
                    @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = "object"))})
    @ApiResponse(responseCode = "200", description = "Applied (or applied before): the answer the channel expects (Alipay: success)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "204", description = "Applied (or applied before): WeChat Pay expects no body")
    @ApiResponse(responseCode = "401", description = "CHANNEL_SIGNATURE_INVALID: the signature, its timestamp or the encryption failed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "CHANNEL_NOT_FOUND: no such channel is installed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response notify(@Parameter(description = "wechat or alipay") @PathParam("channel") String channel, byte[] body,
                           @Context HttpHeaders headers) {
        NotificationRequest request = new NotificationRequest();
        request.body = body == null ? new byte[0] : body;
        request.contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        Map<String, String> map = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> map.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        request.headers = map;
        Notification n = notifications.receive(channel, request);
        if (n.answerBody == null || n.answerBody.isEmpty()) {
            return Response.noContent().build();
        }
        return Response.ok(n.answerBody, n.answerContentType == null ? MediaType.TEXT_PLAIN : n.answerContentType).build();
    }
}
