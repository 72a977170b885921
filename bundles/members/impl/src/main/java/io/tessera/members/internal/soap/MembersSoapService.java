package io.tessera.members.internal.soap;

import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.members.api.Level;
import io.tessera.members.api.LevelService;
import io.tessera.members.api.Member;
import io.tessera.members.api.MemberActivity;
import io.tessera.members.api.MemberQuery;
import io.tessera.members.api.MemberService;
import io.tessera.members.api.RegisterMemberRequest;
import io.tessera.members.api.ReturnCardRequest;
import io.tessera.members.api.UpdateMemberRequest;
import io.tessera.members.internal.MemberViews;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.Endpoints;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Members and levels over SOAP: the same services and rules as REST. */
@WebService(serviceName = "MemberService", portName = "MemberPort", targetNamespace = "urn:tessera:members")
@Component(service = MembersSoapService.class, property = Endpoints.SOAP_ADDRESS + "=/members")
public class MembersSoapService {

    private final MemberService members;

    private final LevelService levels;

    @Activate
    public MembersSoapService(@Reference MemberService members,
            @Reference LevelService levels) {
        this.members = members;
        this.levels = levels;
    }

    /** {@code requestId} is the idempotency key: a retry with the same one returns the first answer. */
    @WebMethod
    @WebResult(name = "member")
    public Member registerMember(@WebParam(name = "member") RegisterMemberRequest member,
                                 @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return MemberViews.forCaller(members.register(member, requestId));
    }

    @WebMethod
    @WebResult(name = "member")
    public Member getMember(@WebParam(name = "memberId") long memberId) throws TesseraFault {
        return MemberViews.forCaller(members.get(memberId));
    }

    /** The member's stored-value activity, kept from the wallets' events (it may lag the wallet a moment). */
    @WebMethod
    @WebResult(name = "activity")
    public MemberActivity getMemberActivity(@WebParam(name = "memberId") long memberId) throws TesseraFault {
        return members.activity(memberId);
    }

    @WebMethod
    @WebResult(name = "member")
    public Member findMemberByPhone(@WebParam(name = "phone") String phone) throws TesseraFault {
        return MemberViews.forCaller(members.getByPhone(phone));
    }

    @WebMethod
    @WebResult(name = "member")
    public Member findMemberByNo(@WebParam(name = "memberNo") String memberNo) throws TesseraFault {
        return MemberViews.forCaller(members.getByMemberNo(memberNo));
    }

    @WebMethod
    @WebResult(name = "members")
    public MemberList listMembers(@WebParam(name = "query") MemberQuery query) throws TesseraFault {
        return MemberList.of(MemberViews.forCaller(members.list(query)));
    }

    @WebMethod
    @WebResult(name = "member")
    public Member updateMember(@WebParam(name = "memberId") long memberId, @WebParam(name = "profile") UpdateMemberRequest profile) throws TesseraFault {
        return MemberViews.forCaller(members.update(memberId, profile));
    }

    @WebMethod
    @WebResult(name = "member")
    public Member returnCard(@WebParam(name = "memberId") long memberId, @WebParam(name = "request") ReturnCardRequest request) throws TesseraFault {
        return MemberViews.forCaller(members.returnCard(memberId, request));
    }

    @WebMethod
    @WebResult(name = "member")
    public Member grantExperience(@WebParam(name = "memberId") long memberId, @WebParam(name = "amount") long amount,
                                  @WebParam(name = "source") String source, @WebParam(name = "reference") String reference) throws TesseraFault {
        return MemberViews.forCaller(levels.grantExperience(memberId, amount, source, reference));
    }

    @WebMethod
    @WebResult(name = "level")
    public List<Level> listLevels() throws TesseraFault {
        return levels.list();
    }

    @WebMethod
    @WebResult(name = "level")
    public Level createLevel(@WebParam(name = "level") Level level) throws TesseraFault {
        return levels.create(level);
    }

    @WebMethod
    @WebResult(name = "level")
    public Level updateLevel(@WebParam(name = "levelId") long levelId, @WebParam(name = "level") Level level) throws TesseraFault {
        return levels.update(levelId, level);
    }

    @WebMethod
    public void deleteLevel(@WebParam(name = "levelId") long levelId, @WebParam(name = "moveToLevelId") Long moveToLevelId) throws TesseraFault {
        levels.delete(levelId, moveToLevelId);
    }
}
