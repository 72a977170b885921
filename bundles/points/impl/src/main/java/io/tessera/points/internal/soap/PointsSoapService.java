package io.tessera.points.internal.soap;

import io.tessera.platform.api.soap.SoapPage;
import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.points.api.Earning;
import io.tessera.points.api.EarningRule;
import io.tessera.points.api.EarningRuleService;
import io.tessera.points.api.Exchange;
import io.tessera.points.api.LotStatus;
import io.tessera.points.api.MallItem;
import io.tessera.points.api.PointsAccount;
import io.tessera.points.api.PointsEntry;
import io.tessera.points.api.PointsLot;
import io.tessera.points.api.PointsMallService;
import io.tessera.points.api.PointsMonth;
import io.tessera.points.api.PointsService;
import io.tessera.points.api.PointsStatsService;
import io.tessera.points.api.Requests;
import io.tessera.points.api.RuleKind;
import io.tessera.points.api.RuleStatus;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.bind.annotation.XmlType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Points over SOAP. An adjustment and an exchange take a {@code requestId}: their idempotency key. Pages default to 1 and 20. */
@WebService(serviceName = "PointsService", portName = "PointsPort", targetNamespace = "urn:tessera:points")
@Component(service = PointsSoapService.class, property = Endpoints.SOAP_ADDRESS + "=/points")
public class PointsSoapService {

    private final PointsService points;
    private final EarningRuleService rules;
    private final PointsMallService mall;
    private final PointsStatsService stats;

    @Activate
    public PointsSoapService(@Reference PointsService points, @Reference EarningRuleService rules, @Reference PointsMallService mall,
                             @Reference PointsStatsService stats) {
        this.points = points;
        this.rules = rules;
        this.mall = mall;
        this.stats = stats;
    }

    @WebMethod
    @WebResult(name = "month")
    public List<PointsMonth> monthlyStats(@WebParam(name = "from") String from, @WebParam(name = "to") String to,
                                          @WebParam(name = "storeId") Long storeId) throws TesseraFault {
        return stats.monthly(from, to, storeId);
    }

    /** A page of exchanges as SOAP carries it. */
    @XmlType(propOrder = {"exchange", "page", "size", "total"})
    public static class ExchangeList extends SoapPage {
        public List<Exchange> exchange;
    }

    @WebMethod
    @WebResult(name = "item")
    public List<MallItem> listMallItems(@WebParam(name = "memberId") long memberId, @WebParam(name = "storeId") Long storeId) throws TesseraFault {
        return mall.items(memberId, storeId);
    }

    @WebMethod
    @WebResult(name = "exchange")
    public Exchange exchangePoints(@WebParam(name = "exchange") Requests.Exchange exchange, @WebParam(name = "requestId") String requestId)
            throws TesseraFault {
        return mall.exchange(exchange, requestId);
    }

    @WebMethod
    @WebResult(name = "exchanges")
    public ExchangeList listExchanges(@WebParam(name = "memberId") long memberId, @WebParam(name = "page") Integer page,
                                      @WebParam(name = "size") Integer size) throws TesseraFault {
        ExchangeList l = new ExchangeList();
        l.exchange = l.from(mall.exchanges(memberId, page(page), size(size)));
        return l;
    }

    /** A page of journal rows as SOAP carries it. */
    @XmlType(propOrder = {"entry", "page", "size", "total"})
    public static class EntryList extends SoapPage {
        public List<PointsEntry> entry;
    }

    /** A page of lots as SOAP carries it. */
    @XmlType(propOrder = {"lot", "page", "size", "total"})
    public static class LotList extends SoapPage {
        public List<PointsLot> lot;
    }

    /** A page of earnings as SOAP carries it. */
    @XmlType(propOrder = {"earning", "page", "size", "total"})
    public static class EarningList extends SoapPage {
        public List<Earning> earning;
    }

    /** A page of earning rules as SOAP carries it. */
    @XmlType(propOrder = {"rule", "page", "size", "total"})
    public static class RuleList extends SoapPage {
        public List<EarningRule> rule;
    }

    @WebMethod
    @WebResult(name = "account")
    public List<PointsAccount> getAccounts(@WebParam(name = "memberId") long memberId) throws TesseraFault {
        return points.accounts(memberId);
    }

    @WebMethod
    @WebResult(name = "entries")
    public EntryList listJournal(@WebParam(name = "memberId") long memberId, @WebParam(name = "page") Integer page,
                                 @WebParam(name = "size") Integer size) throws TesseraFault {
        EntryList l = new EntryList();
        l.entry = l.from(points.journal(memberId, page(page), size(size)));
        return l;
    }

    @WebMethod
    @WebResult(name = "lots")
    public LotList listLots(@WebParam(name = "memberId") long memberId, @WebParam(name = "status") LotStatus status,
                            @WebParam(name = "page") Integer page, @WebParam(name = "size") Integer size) throws TesseraFault {
        LotList l = new LotList();
        l.lot = l.from(points.lots(memberId, status, page(page), size(size)));
        return l;
    }

    @WebMethod
    @WebResult(name = "earnings")
    public EarningList listEarnings(@WebParam(name = "orderNo") String orderNo, @WebParam(name = "memberId") Long memberId,
                                    @WebParam(name = "page") Integer page, @WebParam(name = "size") Integer size) throws TesseraFault {
        EarningList l = new EarningList();
        l.earning = l.from(points.earnings(orderNo, memberId, page(page), size(size)));
        return l;
    }

    @WebMethod
    @WebResult(name = "entry")
    public PointsEntry adjustPoints(@WebParam(name = "adjustment") Requests.Adjustment adjustment, @WebParam(name = "requestId") String requestId)
            throws TesseraFault {
        return points.adjust(adjustment, requestId);
    }

    @WebMethod
    @WebResult(name = "earning")
    public Earning simulateEarning(@WebParam(name = "simulation") Requests.Simulation simulation) throws TesseraFault {
        return rules.simulate(simulation);
    }

    @WebMethod
    @WebResult(name = "rule")
    public EarningRule getRule(@WebParam(name = "ruleId") long ruleId) throws TesseraFault {
        return rules.get(ruleId);
    }

    @WebMethod
    @WebResult(name = "rules")
    public RuleList listRules(@WebParam(name = "kind") RuleKind kind, @WebParam(name = "status") RuleStatus status,
                              @WebParam(name = "page") Integer page, @WebParam(name = "size") Integer size) throws TesseraFault {
        RuleList l = new RuleList();
        l.rule = l.from(rules.list(kind, status, page(page), size(size)));
        return l;
    }

    private static int page(Integer page) {
        return page == null ? 1 : page;
    }

    private static int size(Integer size) {
        return size == null ? 20 : size;
    }
}
