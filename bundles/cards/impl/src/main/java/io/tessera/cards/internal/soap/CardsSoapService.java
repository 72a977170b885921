package io.tessera.cards.internal.soap;

import io.tessera.platform.api.soap.TesseraFault;
import io.tessera.cards.api.Card;
import io.tessera.cards.api.CardMigration;
import io.tessera.cards.api.CardPage;
import io.tessera.cards.api.CardQuery;
import io.tessera.cards.api.CardService;
import io.tessera.cards.api.MigrationPreview;
import io.tessera.cards.api.MigrationRequests;
import io.tessera.platform.api.web.Endpoints;
import javax.jws.WebMethod;
import javax.jws.WebParam;
import javax.jws.WebResult;
import javax.jws.WebService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Card query and migration over SOAP (POS at the counter). Vouchers travel as base64Binary. */
@WebService(serviceName = "CardService", portName = "CardPort", targetNamespace = "urn:tessera:cards")
@Component(service = CardsSoapService.class, property = {Endpoints.SOAP_ADDRESS + "=/cards",
        Endpoints.SOAP_BODY_LIMIT + "=cardMigration"})
public class CardsSoapService {

    private final CardService cards;

    @Activate
    public CardsSoapService(@Reference CardService cards) {
        this.cards = cards;
    }

    @WebMethod
    @WebResult(name = "cards")
    public CardPage queryCards(@WebParam(name = "query") CardQuery query) throws TesseraFault {
        return cards.query(query);
    }

    @WebMethod
    @WebResult(name = "card")
    public Card getCard(@WebParam(name = "cardNo") String cardNo) throws TesseraFault {
        return cards.get(cardNo);
    }

    @WebMethod
    @WebResult(name = "preview")
    public MigrationPreview requestMigrationCode(@WebParam(name = "cardNo") String cardNo,
                                                 @WebParam(name = "member") MigrationRequests.Code member) throws TesseraFault {
        return cards.requestCode(cardNo, member);
    }

    @WebMethod
    @WebResult(name = "migration")
    public CardMigration migrateCard(@WebParam(name = "cardNo") String cardNo,
                                     @WebParam(name = "migration") MigrationRequests.Migrate migration,
                                     @WebParam(name = "requestId") String requestId) throws TesseraFault {
        return cards.migrate(cardNo, migration, requestId);
    }

    @WebMethod
    @WebResult(name = "migration")
    public CardMigration getMigration(@WebParam(name = "cardNo") String cardNo) throws TesseraFault {
        return cards.migration(cardNo);
    }
}
