package io.tessera.cards.internal.rest;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Parameter;
import io.tessera.cards.api.Card;
import io.tessera.cards.api.CardImport;
import io.tessera.cards.api.CardImportService;
import io.tessera.cards.api.CardMigration;
import io.tessera.cards.api.CardPage;
import io.tessera.cards.api.CardQuery;
import io.tessera.cards.api.CardService;
import io.tessera.cards.api.CardStatus;
import io.tessera.cards.api.CardType;
import io.tessera.cards.api.CardVoucher;
import io.tessera.cards.api.ImportReject;
import io.tessera.cards.api.MigrationPreview;
import io.tessera.cards.api.MigrationRequests;
import io.tessera.cards.api.MigrationStatus;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.jobs.Job;
import io.tessera.platform.api.web.BodyLimit;
import io.tessera.platform.api.web.Endpoints;
import io.tessera.platform.api.web.QueryParams;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

/**
 * Legacy stored-value cards: types, CRM imports (jobs), the card query, and migration at the counter
 * (code, then migration with vouchers, each with an Idempotency-Key).
 */
@Component(service = CardsResource.class, property = Endpoints.REST_RESOURCE + "=true")
@Path("/cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CardsResource {

    private final CardService cards;

    private final CardImportService imports;

    @Activate
    public CardsResource(@Reference CardService cards,
            @Reference CardImportService imports) {
        this.cards = cards;
        this.imports = imports;
    }

    @GET
    @Path("types")
    public List<CardType> types() {
        return imports.listTypes();
    }

    @POST
    @Path("types")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CardType.class)))
    public Response createType(CardType type) {
        return Response.status(201).entity(imports.createType(type)).build();
    }

    /**
     * Uploads a CRM export (CSV or XLSX, recognised from the content) as the raw request body and starts
     * its import. 202 with the import and a Location to poll; 200 with {@code duplicate=true} when the
     * same file was imported before.
     */
    @POST
    @Path("imports")
    @Consumes({"text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel"})
    @BodyLimit(name = "cardImport", defaultBytes = 256L << 20)
    @ApiResponse(responseCode = "202", description = "Import started: poll the job (Location)", content = @Content(schema = @Schema(implementation = CardImport.class)))
    @ApiResponse(responseCode = "200", description = "The same file was imported before (duplicate = true): nothing runs", content = @Content(schema = @Schema(implementation = CardImport.class)))
    public Response startImport(InputStream body, @QueryParam("fileName") String fileName, @QueryParam("charset") String charset) {
        CardImport imp = imports.startImport(fileName, body, charset);
        if (imp.duplicate) {
            return Response.ok(imp).build();
        }
        return Response.accepted(imp).location(URI.create(Endpoints.REST_BASE + "/jobs/" + imp.jobId)).build();
    }

    @GET
    @Path("imports")
    public Page<CardImport> listImports(@QueryParam("page") String page, @QueryParam("size") String size) {
        return imports.listImports(QueryParams.intValue("page", page, 1), QueryParams.intValue("size", size, 20));
    }

    @GET
    @Path("imports/{id}")
    public CardImport getImport(@PathParam("id") String id) {
        return imports.getImport(QueryParams.id("id", id));
    }

    @GET
    @Path("imports/{id}/rejects")
    public Page<ImportReject> rejects(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return imports.rejects(QueryParams.id("id", id), QueryParams.intValue("page", page, 1),
                QueryParams.intValue("size", size, 50));
    }

    /** Starts the job listing migrated cards to void in the legacy CRM; download from the job's resultUrl. */
    @POST
    @Path("void-exports")
    @ApiResponse(responseCode = "202", description = "Export started: poll the job (Location), then download its result", content = @Content(schema = @Schema(implementation = Job.class)))
    public Response exportVoidList(@QueryParam("storeId") String storeId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Job job = cards.exportVoidList(QueryParams.longValue("storeId", storeId), Checks.date("from", from), Checks.date("to", to));
        return Response.accepted(job).location(URI.create(Endpoints.REST_BASE + "/jobs/" + job.id)).build();
    }

    /** 实体卡余额查询: filters, paging, and totals (count, sum of balances) of every matching card. */
    @GET
    public CardPage query(@QueryParam("storeId") String storeId, @QueryParam("typeCode") String typeCode,
                          @QueryParam("cardNo") String cardNo, @QueryParam("cardNoPrefix") String cardNoPrefix,
                          @QueryParam("minBalance") String minBalance, @QueryParam("maxBalance") String maxBalance,
                          @Parameter(schema = @Schema(implementation = CardStatus.class)) @QueryParam("status") String status,
                          @Parameter(schema = @Schema(implementation = MigrationStatus.class)) @QueryParam("migrationStatus") String migrationStatus,
                          @QueryParam("page") String page, @QueryParam("size") String size) {
        CardQuery q = new CardQuery();
        q.storeId = QueryParams.longValue("storeId", storeId);
        q.typeCode = typeCode;
        q.cardNo = cardNo;
        q.cardNoPrefix = cardNoPrefix;
        q.minBalance = QueryParams.money("minBalance", minBalance);
        q.maxBalance = QueryParams.money("maxBalance", maxBalance);
        q.status = QueryParams.enumValue("status", CardStatus.class, status);
        q.migrationStatus = QueryParams.enumValue("migrationStatus", MigrationStatus.class, migrationStatus);
        q.page = QueryParams.intValue("page", page, 1);
        q.size = QueryParams.intValue("size", size, 20);
        return cards.query(q);
    }

    @GET
    @Path("{cardNo}")
    public Card get(@PathParam("cardNo") String cardNo) {
        return cards.get(cardNo);
    }

    /** Sends the member the SMS code that confirms this card's migration. */
    @POST
    @Path("{cardNo}/migration-code")
    public MigrationPreview requestCode(@PathParam("cardNo") String cardNo, MigrationRequests.Code request) {
        return cards.requestCode(cardNo, request);
    }

    @POST
    @Path("{cardNo}/migration")
    @BodyLimit(name = "cardMigration", defaultBytes = 16L << 20)
    @ApiResponse(responseCode = "201", description = "Migrated into the member's stored value", content = @Content(schema = @Schema(implementation = CardMigration.class)))
    public Response migrate(@PathParam("cardNo") String cardNo, MigrationRequests.Migrate request,
                            @Parameter(required = true, description = "The caller's key for this operation: a retry with the same key and body answers the first result and moves nothing again") @HeaderParam(Endpoints.IDEMPOTENCY_KEY) String key) {
        return Response.status(201).entity(cards.migrate(cardNo, request, key)).build();
    }

    @GET
    @Path("{cardNo}/migration")
    public CardMigration migration(@PathParam("cardNo") String cardNo) {
        return cards.migration(cardNo);
    }

    @GET
    @Path("{cardNo}/migration/vouchers/{index}")
    @Produces({"image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @ApiResponse(responseCode = "200", description = "The voucher image", content = {@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")), @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    public Response voucher(@PathParam("cardNo") String cardNo, @PathParam("index") String index) {
        CardVoucher v = cards.voucher(cardNo, QueryParams.intValue("index", index, 1));
        return Response.ok(v.content, v.info.contentType).build();
    }
}
