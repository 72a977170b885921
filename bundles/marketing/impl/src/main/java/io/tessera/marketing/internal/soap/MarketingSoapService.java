package io.tessera.marketing.internal.soap;

import io.tessera.marketing.api.Activity;
import io.tessera.marketing.api.ActivityService;
import io.tessera.marketing.api.ActivityStatus;
import io.tessera.marketing.api.ActivityType;
import io.tessera.marketing.api.CardTemplate;
import io.tessera.marketing.api.CardService;
import io.tessera.marketing.api.MemberCard;
import io.tessera.marketing.api.Referral;
import io.tessera.marketing.api.ReferralCode;
import io.tessera.marketing.api.ReferralService;
import io.tessera.marketing.api.Requests;
import io.tessera.marketing.api.Reward;
import io.tessera.marketing.api.RewardState;
import io.tessera.marketing.api.Send;
import io.tessera.marketing.api.SendService;
import io.tessera.platform.api.soap.SoapPage;
import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.platform.api.web.Endpoints;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.bind.annotation.XmlType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Marketing over SOAP: activities and their rewards (read), referral codes and bindings, direct sends, member cards. A binding and a send take a {@code requestId}: its idempotency key. */
@WebService(serviceName = "MarketingService", portName = "MarketingPort", targetNamespace = "urn:tessera:marketing")
@Component(service = MarketingSoapService.class, property = Endpoints.SOAP_ADDRESS + "=/marketing")
public class MarketingSoapService {

    private final ActivityService activities;
    private final ReferralService referrals;
    private final SendService sends;
    private final CardService cards;

    @Activate
    public MarketingSoapService(@Reference ActivityService activities, @Reference ReferralService referrals, @Reference SendService sends,
                                @Reference CardService cards) {
        this.activities = activities;
        this.referrals = referrals;
        this.sends = sends;
        this.cards = cards;
    }

    @WebMethod
    @WebResult(name = "send")
    public Send sendRewards(@WebParam(name = "send") Requests.SendRequest send, @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return sends.send(send, requestId);
    }

    @WebMethod
    @WebResult(name = "send")
    public Send getSend(@WebParam(name = "sendId") long sendId) throws TesseraFault {
        return sends.get(sendId);
    }

    /** A page of activities as SOAP carries it. */
    @XmlType(propOrder = {"activity", "page", "size", "total"})
    public static class ActivityList extends SoapPage {
        public List<Activity> activity;
    }

    /** A page of rewards as SOAP carries it. */
    @XmlType(propOrder = {"reward", "page", "size", "total"})
    public static class RewardList extends SoapPage {
        public List<Reward> reward;
    }

    @WebMethod
    @WebResult(name = "activities")
    public ActivityList listActivities(@WebParam(name = "type") ActivityType type, @WebParam(name = "status") ActivityStatus status,
                                       @WebParam(name = "page") Integer page, @WebParam(name = "size") Integer size) throws TesseraFault {
        ActivityList l = new ActivityList();
        l.activity = l.from(activities.list(type, status, page(page), size(size)));
        return l;
    }

    @WebMethod
    @WebResult(name = "activity")
    public Activity getActivity(@WebParam(name = "activityId") long activityId) throws TesseraFault {
        return activities.get(activityId);
    }

    @WebMethod
    @WebResult(name = "rewards")
    public RewardList listRewards(@WebParam(name = "activityId") Long activityId, @WebParam(name = "memberId") Long memberId,
                                  @WebParam(name = "state") RewardState state, @WebParam(name = "page") Integer page,
                                  @WebParam(name = "size") Integer size) throws TesseraFault {
        RewardList l = new RewardList();
        l.reward = l.from(activities.rewards(activityId, memberId, state, page(page), size(size)));
        return l;
    }

    @WebMethod
    @WebResult(name = "referralCode")
    public ReferralCode referralCode(@WebParam(name = "memberId") long memberId) throws TesseraFault {
        return referrals.code(memberId);
    }

    @WebMethod
    @WebResult(name = "referral")
    public Referral bindReferral(@WebParam(name = "binding") Requests.Binding binding, @WebParam(name = "requestId") String requestId)
            throws TesseraFault {
        return referrals.bind(binding, requestId);
    }

    @WebMethod
    @WebResult(name = "referral")
    public Referral getReferral(@WebParam(name = "refereeId") long refereeId) throws TesseraFault {
        return referrals.get(refereeId);
    }

    @WebMethod
    @WebResult(name = "card")
    public List<CardTemplate> listCards() throws TesseraFault {
        return cards.list();
    }

    @WebMethod
    @WebResult(name = "memberCard")
    public MemberCard openMemberCard(@WebParam(name = "cardId") long cardId, @WebParam(name = "memberId") long memberId) throws TesseraFault {
        return cards.open(cardId, memberId);
    }

    @WebMethod
    @WebResult(name = "memberCard")
    public MemberCard getMemberCard(@WebParam(name = "cardId") long cardId, @WebParam(name = "memberId") long memberId) throws TesseraFault {
        return cards.memberCard(cardId, memberId);
    }

    private static int page(Integer page) {
        return page == null ? 1 : page;
    }

    private static int size(Integer size) {
        return size == null ? 20 : size;
    }
}
