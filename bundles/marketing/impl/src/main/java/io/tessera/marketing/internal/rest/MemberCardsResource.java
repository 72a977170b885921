package io.tessera.marketing.internal.rest;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tessera.marketing.api.CardTemplate;
import io.tessera.marketing.api.CardService;
import io.tessera.marketing.api.MemberCard;
import io.tessera.marketing.api.Requests;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Member cards (会员卡) and their channels: the cards, a member's card, pushing it again. */
@Component(service = MemberCardsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/marketing/cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberCardsResource {

    private final CardService cards;

    @Activate
    public MemberCardsResource(@Reference CardService cards) {
        this.cards = cards;
    }

    @GET
    public List<CardTemplate> list() {
        return cards.list();
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Made", content = @Content(schema = @Schema(implementation = CardTemplate.class)))
    public Response create(Requests.CardRequest request) {
        return Response.status(201).entity(cards.create(request)).build();
    }

    @GET
    @Path("{id}")
    public CardTemplate get(@PathParam("id") String id) {
        return cards.get(QueryParams.id("id", id));
    }

    @PUT
    @Path("{id}")
    public CardTemplate update(@PathParam("id") String id, Requests.CardRequest request) {
        return cards.update(QueryParams.id("id", id), request);
    }

    @POST
    @Path("{id}/members")
    @ApiResponse(responseCode = "201", description = "Opened (or open already: the same card), pushed to the channel after commit",
            content = @Content(schema = @Schema(implementation = MemberCard.class)))
    public Response open(@PathParam("id") String id, Requests.CardOpening opening) {
        long card = QueryParams.id("id", id);
        Checks.required("body", opening);
        long member = Checks.required("memberId", opening.memberId);
        return Response.status(201).entity(cards.open(card, member)).build();
    }

    @GET
    @Path("{id}/members/{memberId}")
    public MemberCard memberCard(@PathParam("id") String id, @PathParam("memberId") String memberId) {
        return cards.memberCard(QueryParams.id("id", id), QueryParams.id("memberId", memberId));
    }

    @POST
    @Path("{id}/members/{memberId}/push")
    public MemberCard push(@PathParam("id") String id, @PathParam("memberId") String memberId) {
        return cards.push(QueryParams.id("id", id), QueryParams.id("memberId", memberId));
    }
}
