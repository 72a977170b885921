package io.tessera.members.internal.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.tessera.members.api.LevelService;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberActivity;
import io.tessera.members.api.MemberQuery;
import io.tessera.members.api.MemberService;
import io.tessera.members.api.RegisterMemberRequest;
import io.tessera.members.api.ReturnCardRequest;
import io.tessera.members.api.UpdateMemberRequest;
import io.tessera.members.internal.MemberViews;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.net.URI;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Members: register, look up, list, edit, return card, experience. Phones as {@link MemberViews} shows them. */
@Component(service = MembersResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembersResource {

    private final MemberService members;

    private final LevelService levels;

    @Activate
    public MembersResource(@Reference MemberService members,
            @Reference LevelService levels) {
        this.members = members;
        this.levels = levels;
    }

    public static class ExperienceRequest {
        public long amount;
        public String source;
        public String reference;
    }

    @POST
    @ApiResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = Member.class)))
    public Response registerMember(RegisterMemberRequest request, @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String idempotencyKey) {
        Member m = MemberViews.forCaller(members.register(request, idempotencyKey));
        return Response.created(URI.create("members/" + m.id)).entity(m).build();
    }

    @GET
    public Page<Member> listMembers(@QueryParam("storeId") String storeId, @QueryParam("phone") String phone,
                             @QueryParam("memberNo") String memberNo, @QueryParam("name") String name,
                             @QueryParam("levelId") String levelId, @Parameter(schema = @Schema(implementation = Member.Status.class)) @QueryParam("status") String status,
                             @Parameter(description = "Born on this month and day, MM-dd", schema = @Schema(pattern = "^\\d{2}-\\d{2}$"))
                             @QueryParam("bornOn") String bornOn, @QueryParam("page") String page, @QueryParam("size") String size) {
        MemberQuery q = new MemberQuery();
        q.bornOn = bornOn;
        q.storeId = QueryParams.longValue("storeId", storeId);
        q.phone = phone;
        q.memberNo = memberNo;
        q.name = name;
        q.levelId = QueryParams.longValue("levelId", levelId);
        q.status = status == null || status.isBlank() ? null : Checks.oneOf("status", Member.Status.class, status);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return MemberViews.forCaller(members.list(q));
    }

    @GET
    @Path("{id}")
    public Member getMember(@PathParam("id") long id) {
        return MemberViews.forCaller(members.get(id));
    }

    @GET
    @Path("{id}/activity")
    public MemberActivity getMemberActivity(@PathParam("id") long id) {
        return members.activity(id);
    }

    @GET
    @Path("by-phone/{phone}")
    public Member getMemberByPhone(@PathParam("phone") String phone) {
        return MemberViews.forCaller(members.getByPhone(phone));
    }

    @GET
    @Path("by-no/{memberNo}")
    public Member getMemberByNo(@PathParam("memberNo") String memberNo) {
        return MemberViews.forCaller(members.getByMemberNo(memberNo));
    }

    @PATCH
    @Path("{id}")
    public Member updateMember(@PathParam("id") long id, UpdateMemberRequest request) {
        return MemberViews.forCaller(members.update(id, request));
    }

    @POST
    @Path("{id}/return-card")
    public Member returnCard(@PathParam("id") long id, ReturnCardRequest request) {
        return MemberViews.forCaller(members.returnCard(id, request));
    }

    @POST
    @Path("{id}/experience")
    public Member grantExperience(@PathParam("id") long id, ExperienceRequest request) {
        Checks.required("body", request);
        return MemberViews.forCaller(levels.grantExperience(id, request.amount, request.source, request.reference));
    }
}
