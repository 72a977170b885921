package io.tessera.wallets.internal.soap;

import io.tessera.platform.api.Checks;
import io.tessera.platform.api.soap.SoapPage;
import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.BalanceQuery;
import io.tessera.wallets.api.DailyLedgerRow;
import io.tessera.wallets.api.GeneralLedger;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.OperationResult;
import io.tessera.wallets.api.Requests;
import io.tessera.wallets.api.TransactionQuery;
import io.tessera.wallets.api.WalletQueryService;
import io.tessera.wallets.api.WalletService;
import java.util.List;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import javax.xml.bind.annotation.XmlType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Stored value over SOAP. Every money-moving operation takes a {@code requestId}: its idempotency key. */
@WebService(serviceName = "WalletService", portName = "WalletPort", targetNamespace = "urn:tessera:wallets")
@Component(service = WalletsSoapService.class, property = Endpoints.SOAP_ADDRESS + "=/wallets")
public class WalletsSoapService {

    private final WalletService wallets;

    private final WalletQueryService queries;

    @Activate
    public WalletsSoapService(@Reference WalletService wallets,
            @Reference WalletQueryService queries) {
        this.wallets = wallets;
        this.queries = queries;
    }

    /** A page of accounts as SOAP carries it. */
    @XmlType(propOrder = {"account", "page", "size", "total"})
    public static class AccountList extends SoapPage {
        public List<Account> account;
    }

    /** A page of journal rows as SOAP carries it. */
    @XmlType(propOrder = {"entry", "page", "size", "total"})
    public static class EntryList extends SoapPage {
        public List<JournalEntry> entry;
    }

    @WebMethod
    @WebResult(name = "result")
    public OperationResult recharge(@WebParam(name = "recharge") Requests.Recharge recharge, @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return wallets.recharge(recharge, requestId);
    }

    @WebMethod
    @WebResult(name = "result")
    public OperationResult reverseRecharge(@WebParam(name = "reversal") Requests.Reverse reversal,
                                           @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return wallets.reverseRecharge(reversal, requestId);
    }

    @WebMethod
    @WebResult(name = "result")
    public OperationResult pay(@WebParam(name = "payment") Requests.Pay payment, @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return wallets.pay(payment, requestId);
    }

    @WebMethod
    @WebResult(name = "result")
    public OperationResult refund(@WebParam(name = "refund") Requests.Refund refund, @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return wallets.refund(refund, requestId);
    }

    @WebMethod
    @WebResult(name = "result")
    public OperationResult storedValueRefund(@WebParam(name = "refund") Requests.StoredValueRefund refund,
                                             @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return wallets.storedValueRefund(refund, requestId);
    }

    @WebMethod
    @WebResult(name = "result")
    public OperationResult adjust(@WebParam(name = "adjustment") Requests.Adjust adjustment, @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return wallets.adjust(adjustment, requestId);
    }

    @WebMethod
    @WebResult(name = "account")
    public List<Account> accountsOfMember(@WebParam(name = "memberId") long memberId) throws TesseraFault {
        return wallets.accountsOf(memberId);
    }

    @WebMethod
    @WebResult(name = "accounts")
    public AccountList balances(@WebParam(name = "query") BalanceQuery query) throws TesseraFault {
        AccountList l = new AccountList();
        l.account = l.from(queries.balances(query));
        return l;
    }

    @WebMethod
    @WebResult(name = "entries")
    public EntryList transactions(@WebParam(name = "query") TransactionQuery query) throws TesseraFault {
        EntryList l = new EntryList();
        l.entry = l.from(queries.transactions(query));
        return l;
    }

    @WebMethod
    @WebResult(name = "ledger")
    public GeneralLedger generalLedger(@WebParam(name = "storeId") Long storeId, @WebParam(name = "formatCode") String formatCode) throws TesseraFault {
        return queries.generalLedger(storeId, formatCode);
    }

    @WebMethod
    @WebResult(name = "day")
    public List<DailyLedgerRow> dailyLedger(@WebParam(name = "storeId") long storeId, @WebParam(name = "from") String from,
                                            @WebParam(name = "to") String to) throws TesseraFault {
        return queries.dailyLedger(storeId, Checks.date("from", from), Checks.date("to", to));
    }
}
