package io.tessera.itests;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Domains removed and installed again at runtime: their endpoints vanish and return, the rest keeps
 * answering, and no data is lost. Wallets depend on members, so wallets go first and come back last.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT extends TesseraTestSupport {

    @Test
    public void uninstallAndReinstallPaymentsWalletsAndMembers() throws Exception {
        awaitReady();
        String clerk = bearer(CLERK_103);
        long store = storeId("103");
        String phone = newPhone();
        Answer created = call("POST", "/members", "{\"phone\":\"" + phone + "\",\"name\":\"李四\",\"storeId\":" + store + "}", clerk);
        assertEquals(created.toString(), 201, created.status);
        long id = created.json.get("id").asLong();
        Answer recharged = call("POST", "/wallets/recharges", "{\"memberId\":" + id + ",\"storeId\":" + store
                + ",\"amount\":123.45,\"method\":\"CASH\"}", clerk, Map.of("Idempotency-Key", "hot-" + phone));
        assertEquals(recharged.toString(), 201, recharged.status);

        String hq = bearer(HQ_ADMIN);
        assertEquals(201, call("POST", "/cards/types", "{\"code\":\"HOT\",\"name\":\"热部署卡\"}", hq).status);

        Answer order = call("POST", "/orders", "{\"storeId\":" + store + ",\"posOrderNo\":\"HOT-" + phone + "\",\"lines\":[{\"sku\":\"S\","
                + "\"name\":\"热部署\",\"quantity\":1,\"unitPrice\":9.90}]}", clerk, Map.of("Idempotency-Key", "hot-order-" + phone));
        assertEquals(order.toString(), 201, order.status);
        String orderNo = order.json.get("orderNo").asText();

        // The channels depend on payments, payments and cards on wallets: they go first, and wallets keep answering.
        features.uninstallFeature("tessera-payments-wechat");
        features.uninstallFeature("tessera-payments-alipay");
        features.uninstallFeature("tessera-payments");
        awaitUnrecorded("/orders to vanish", 60, () -> call("GET", "/orders/" + orderNo, null, clerk).status == 404
                && call("GET", "/wallets/accounts?memberId=" + id, null, clerk).status == 200);
        awaitOpenApiWithout("/orders", clerk);
        features.uninstallFeature("tessera-cards");
        awaitUnrecorded("/cards to vanish", 60, () -> call("GET", "/cards/types", null, hq).status == 404
                && getRaw("/soap/cards?wsdl", clerk).status == 404 && call("GET", "/wallets/accounts?memberId=" + id, null, clerk).status == 200);
        awaitOpenApiWithout("/cards/types", clerk);

        features.uninstallFeature("tessera-wallets");
        awaitUnrecorded("/wallets to vanish", 60, () -> call("GET", "/wallets/accounts?memberId=" + id, null, clerk).status == 404
                && getRaw("/soap/wallets?wsdl", clerk).status == 404 && call("GET", "/members/" + id, null, clerk).status == 200);
        awaitOpenApiWithout("/wallets/payments", clerk);

        features.uninstallFeature("tessera-members");
        // The REST server is republished without the members resources: wait until it is back for the others.
        awaitUnrecorded("/members to vanish", 60, () -> call("GET", "/members/" + id, null, clerk).status == 404
                && getRaw("/soap/members?wsdl", clerk).status == 404 && call("GET", "/stores", null, clerk).status == 200);
        assertEquals("NOT_FOUND", call("GET", "/members/" + id, null, clerk).code());
        awaitOpenApiWithout("/members", clerk);

        features.installFeature("tessera-members");
        features.installFeature("tessera-wallets");
        features.installFeature("tessera-cards");
        features.installFeature("tessera-payments");
        features.installFeature("tessera-payments-wechat");
        features.installFeature("tessera-payments-alipay");
        awaitUnrecorded("/members to return", 90, () -> call("GET", "/members/" + id, null, clerk).status == 200);
        awaitUnrecorded("/wallets to return", 90, () -> call("GET", "/wallets/accounts?memberId=" + id, null, clerk).status == 200);
        awaitUnrecorded("/soap/members to return", 30, () -> getRaw("/soap/members?wsdl", clerk).status == 200);
        awaitUnrecorded("/soap/wallets to return", 30, () -> getRaw("/soap/wallets?wsdl", clerk).status == 200);
        // Back with its data: the card type created before the uninstall.
        awaitUnrecorded("/cards to return with its data", 90, () -> {
            Answer types = call("GET", "/cards/types", null, hq);
            return types.status == 200 && types.text.contains("热部署卡");
        });
        awaitUnrecorded("/orders to return with its data", 90, () -> call("GET", "/orders/" + orderNo, null, clerk).status == 200);
        Answer back = call("GET", "/members/" + id, null, clerk);
        assertEquals(phone, back.json.get("phone").asText());
        assertEquals("李四", back.json.get("name").asText());
        Answer account = call("GET", "/wallets/accounts?memberId=" + id, null, clerk);
        assertEquals(account.toString(), "123.45", account.json.get(0).get("total").asText());
    }

    /** The OpenAPI document answers without the path (while a feature goes, the REST server may be republishing). */
    private void awaitOpenApiWithout(String path, String token) {
        awaitUnrecorded("/openapi.json without " + path, 60, () -> {
            Answer a = call("GET", "/openapi.json", null, token);
            return a.status == 200 && a.json != null && a.json.path("paths").path(path).isMissingNode();
        });
    }
}
