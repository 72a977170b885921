package io.tessera.wallets.internal.rest;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import io.tessera.wallets.api.Account;
import io.tessera.wallets.api.BalanceQuery;
import io.tessera.wallets.api.DailyLedgerRow;
import io.tessera.wallets.api.EntryType;
import io.tessera.wallets.api.GeneralLedger;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.OperationResult;
import io.tessera.wallets.api.RechargePackage;
import io.tessera.wallets.api.RechargePackageService;
import io.tessera.wallets.api.Requests;
import io.tessera.wallets.api.TransactionQuery;
import io.tessera.wallets.api.WalletQueryService;
import io.tessera.wallets.api.WalletService;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Stored value: money-moving calls (each with an Idempotency-Key), accounts, journal and ledgers. */
@Component(service = WalletsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/wallets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WalletsResource {

    private final WalletService wallets;

    private final WalletQueryService queries;

    private final RechargePackageService packages;

    @Activate
    public WalletsResource(@Reference WalletService wallets,
            @Reference WalletQueryService queries,
            @Reference RechargePackageService packages) {
        this.wallets = wallets;
        this.queries = queries;
        this.packages = packages;
    }

    @POST
    @Path("recharges")
    @ApiResponse(responseCode = "201", description = "Recharged: the journal entry and the account after it", content = @Content(schema = @Schema(implementation = OperationResult.class)))
    public Response recharge(Requests.Recharge request, @Parameter(required = true, description = "The caller's key for this operation: a retry with the same key and body answers the first result and moves nothing again") @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return created(wallets.recharge(request, key));
    }

    @POST
    @Path("reversals")
    @ApiResponse(responseCode = "201", description = "Reversed: the journal entry and the account after it", content = @Content(schema = @Schema(implementation = OperationResult.class)))
    public Response reverseRecharge(Requests.Reverse request, @Parameter(required = true, description = "The caller's key for this operation: a retry with the same key and body answers the first result and moves nothing again") @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return created(wallets.reverseRecharge(request, key));
    }

    @POST
    @Path("payments")
    @ApiResponse(responseCode = "201", description = "Paid: the journal entry and the account after it", content = @Content(schema = @Schema(implementation = OperationResult.class)))
    public Response pay(Requests.Pay request, @Parameter(required = true, description = "The caller's key for this operation: a retry with the same key and body answers the first result and moves nothing again") @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return created(wallets.pay(request, key));
    }

    @POST
    @Path("refunds")
    @ApiResponse(responseCode = "201", description = "Refunded: the journal entry and the account after it", content = @Content(schema = @Schema(implementation = OperationResult.class)))
    public Response refund(Requests.Refund request, @Parameter(required = true, description = "The caller's key for this operation: a retry with the same key and body answers the first result and moves nothing again") @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return created(wallets.refund(request, key));
    }

    @POST
    @Path("stored-value-refunds")
    @ApiResponse(responseCode = "201", description = "Stored value paid out: the journal entry and the account after it", content = @Content(schema = @Schema(implementation = OperationResult.class)))
    public Response storedValueRefund(Requests.StoredValueRefund request, @Parameter(required = true, description = "The caller's key for this operation: a retry with the same key and body answers the first result and moves nothing again") @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return created(wallets.storedValueRefund(request, key));
    }

    @POST
    @Path("adjustments")
    @ApiResponse(responseCode = "201", description = "Adjusted: the journal entry and the account after it", content = @Content(schema = @Schema(implementation = OperationResult.class)))
    public Response adjust(Requests.Adjust request, @Parameter(required = true, description = "The caller's key for this operation: a retry with the same key and body answers the first result and moves nothing again") @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return created(wallets.adjust(request, key));
    }

    @POST
    @Path("accounts")
    public Account openAccount(Requests.OpenAccount request) {
        return wallets.open(request);
    }

    @GET
    @Path("accounts")
    public List<Account> accountsOfMember(@QueryParam("memberId") String memberId) {
        Long id = QueryParams.longValue("memberId", memberId);
        return wallets.accountsOf(Checks.required("memberId", id));
    }

    @GET
    @Path("balances")
    public Page<Account> balances(@QueryParam("storeId") String storeId, @QueryParam("phone") String phone,
                                  @QueryParam("memberNo") String memberNo, @QueryParam("minBalance") String minBalance,
                                  @QueryParam("maxBalance") String maxBalance, @QueryParam("page") String page,
                                  @QueryParam("size") String size) {
        BalanceQuery q = new BalanceQuery();
        q.storeId = QueryParams.longValue("storeId", storeId);
        q.phone = phone;
        q.memberNo = memberNo;
        q.minBalance = QueryParams.money("minBalance", minBalance);
        q.maxBalance = QueryParams.money("maxBalance", maxBalance);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return queries.balances(q);
    }

    @GET
    @Path("transactions")
    public Page<JournalEntry> transactions(@QueryParam("memberId") String memberId, @QueryParam("storeId") String storeId,
                                           @Parameter(schema = @Schema(implementation = EntryType.class)) @QueryParam("type") String type,
                                           @QueryParam("cardNo") String cardNo,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        TransactionQuery q = new TransactionQuery();
        q.memberId = QueryParams.longValue("memberId", memberId);
        q.storeId = QueryParams.longValue("storeId", storeId);
        q.type = QueryParams.enumValue("type", EntryType.class, type);
        q.cardNo = cardNo;
        q.from = Checks.date("from", from);
        q.to = Checks.date("to", to);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return queries.transactions(q);
    }

    @GET
    @Path("ledgers/general")
    public GeneralLedger generalLedger(@QueryParam("storeId") String storeId, @QueryParam("format") String format) {
        return queries.generalLedger(QueryParams.longValue("storeId", storeId), format);
    }

    @GET
    @Path("ledgers/holders")
    public Page<Account> holders(@QueryParam("storeId") String storeId, @QueryParam("page") String page,
                                 @QueryParam("size") String size) {
        Long id = Checks.required("storeId", QueryParams.longValue("storeId", storeId));
        return queries.holders(id, QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @GET
    @Path("ledgers/daily")
    public List<DailyLedgerRow> dailyLedger(@QueryParam("storeId") String storeId, @QueryParam("from") String from,
                                            @QueryParam("to") String to) {
        Long id = Checks.required("storeId", QueryParams.longValue("storeId", storeId));
        return queries.dailyLedger(id, Checks.date("from", from), Checks.date("to", to));
    }

    @GET
    @Path("packages")
    public List<RechargePackage> listPackages() {
        return packages.list();
    }

    @POST
    @Path("packages")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RechargePackage.class)))
    public Response createPackage(RechargePackage p) {
        RechargePackage created = packages.create(p);
        return Response.created(URI.create("wallets/packages/" + created.id)).entity(created).build();
    }

    @PUT
    @Path("packages/{id}")
    public RechargePackage updatePackage(@PathParam("id") long id, RechargePackage p) {
        return packages.update(id, p);
    }

    private static Response created(OperationResult r) {
        return Response.status(201).entity(r).build();
    }
}
