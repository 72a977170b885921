package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Requests that must be refused, whole, before anything runs: each class of malformed input an
 * outside integrator (or an attacker) sent, on REST and SOAP, with the proof that no money moved.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class StrictInputIT extends TesseraTestSupport {

    @Inject
    private ConfigurationAdmin configAdmin;
    private static final String SOAP_PAY = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soapenv:Body><w:pay xmlns:w=\"urn:tessera:wallets\"><payment><memberId>%s</memberId><storeId>%s</storeId>"
            + "<amount>%s</amount></payment><requestId>%s</requestId></w:pay></soapenv:Body>";

    @Before
    public void ready() {
        awaitReady();
    }

    /** A member of store 103 with 100.00 of stored value. */
    private long fundedMember() {
        String hq = bearer(HQ_ADMIN);
        Answer m = call("POST", "/members", "{\"phone\":\"" + newPhone() + "\",\"name\":\"严格会员\",\"storeId\":" + storeId("103") + "}", hq);
        assertEquals(m.toString(), 201, m.status);
        long id = m.json.get("id").asLong();
        Answer r = call("POST", "/wallets/recharges", "{\"memberId\":" + id + ",\"storeId\":" + storeId("103")
                + ",\"amount\":100.00,\"method\":\"CASH\"}", hq, key());
        assertEquals(r.toString(), 201, r.status);
        return id;
    }

    /** Balance and number of journal rows: what must not change when a request is refused. */
    private String moneyState(long member) {
        Answer accounts = call("GET", "/wallets/accounts?memberId=" + member, null, bearer(HQ_ADMIN));
        Answer journal = call("GET", "/wallets/transactions?memberId=" + member, null, bearer(HQ_ADMIN));
        assertEquals(journal.toString(), 200, journal.status);
        return accounts.json.get(0).get("total").decimalValue().toPlainString() + " / " + journal.json.get("total").asLong();
    }

    private Answer json(String method, String path, String body, String contentType) {
        Map<String, String> headers = new HashMap<>(key());
        headers.put("Authorization", bearer(HQ_ADMIN));
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return raw(method, "/api/v1" + path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private Answer soapRaw(String service, byte[] body, String contentType) {
        return raw("POST", "/soap/" + service, body, Map.of("Authorization", bearer(HQ_ADMIN), "Content-Type", contentType));
    }

    @Test
    public void aSoapDocumentThatIsNotWellFormedNeverRunsItsOperation() {
        long member = fundedMember();
        String before = moneyState(member);
        long store = storeId("103");
        String open = String.format(SOAP_PAY, member, store, "1.00", "soap-" + System.nanoTime());
        Map<String, String> documents = new HashMap<>();
        documents.put("envelope never closed", open);
        documents.put("garbage after the envelope", open + "</soapenv:Envelope>garbage");
        documents.put("a second root element", open + "</soapenv:Envelope><again/>");
        documents.put("an envelope without a Body", "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"/>");
        documents.put("not XML at all", "\u0001\u0002 random \u00ff bytes");
        documents.put("not a SOAP envelope", "<pay><memberId>" + member + "</memberId></pay>");
        documents.put("a DTD", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>&e;</soapenv:Body></soapenv:Envelope>");
        documents.forEach((what, doc) -> {
            Answer a = soapRaw("wallets", doc.getBytes(StandardCharsets.UTF_8), "text/xml; charset=UTF-8");
            assertTrue(what + ": " + a, a.text.contains("<faultcode>soap:Client</faultcode>"));
            assertTrue(what + ": " + a, a.text.contains("<tessera:code>XML_MALFORMED</tessera:code>"));
            assertFalse(what + ": " + a, a.text.contains("payResponse"));
        });
        assertEquals("no SOAP document moved money", before, moneyState(member));
        // The same operation, well-formed, does run.
        Answer ok = soapRaw("wallets", (open + "</soapenv:Envelope>").getBytes(StandardCharsets.UTF_8), "text/xml");
        assertTrue(ok.toString(), ok.text.contains("payResponse"));
    }

    @Test
    public void aSoapValueJaxbCannotReadIsAClientFaultNamingTheField() {
        long member = fundedMember();
        String before = moneyState(member);
        long store = storeId("103");
        Answer cents = soapRaw("wallets", (String.format(SOAP_PAY, member, store, "2.001", "s-" + System.nanoTime())
                + "</soapenv:Envelope>").getBytes(StandardCharsets.UTF_8), "text/xml");
        assertTrue(cents.toString(), cents.text.contains("<faultcode>soap:Client</faultcode>"));
        assertTrue(cents.toString(), cents.text.contains("<tessera:code>AMOUNT_INVALID</tessera:code>"));
        assertTrue(cents.toString(), cents.text.contains("<tessera:field>amount</tessera:field>"));
        assertFalse("no Java class names: " + cents, cents.text.contains("java.lang") || cents.text.contains("Unmarshalling"));
        Answer fraction = soapRaw("wallets", (String.format(SOAP_PAY, "1.5", store, "1.00", "s-" + System.nanoTime())
                + "</soapenv:Envelope>").getBytes(StandardCharsets.UTF_8), "text/xml");
        assertTrue(fraction.toString(), fraction.text.contains("<tessera:code>FIELD_INVALID</tessera:code>"));
        assertTrue(fraction.toString(), fraction.text.contains("<tessera:field>memberId</tessera:field>"));
        // Valid by the WSDL's schema too: an unknown element is refused, not ignored.
        Answer typo = soapRaw("wallets", (String.format(SOAP_PAY, member, store, "1.00", "s-" + System.nanoTime())
                .replace("</amount>", "</amount><amountt>9.00</amountt>") + "</soapenv:Envelope>").getBytes(StandardCharsets.UTF_8),
                "text/xml");
        assertTrue(typo.toString(), typo.text.contains("<tessera:code>FIELD_UNKNOWN</tessera:code>")
                && typo.text.contains("<tessera:field>amountt</tessera:field>"));
        // The card query's balance filter, as a newcomer met it.
        Answer query = soap("cards", "<c:queryCards xmlns:c=\"urn:tessera:cards\"><query><minBalance>2.001</minBalance></query></c:queryCards>",
                bearer(HQ_ADMIN));
        assertTrue(query.toString(), query.text.contains("<tessera:code>AMOUNT_INVALID</tessera:code>")
                && query.text.contains("<tessera:field>minBalance</tessera:field>"));
        Answer unknown = soap("wallets", "<w:transferAll xmlns:w=\"urn:tessera:wallets\"/>", bearer(HQ_ADMIN));
        assertTrue(unknown.toString(), unknown.text.contains("<faultcode>soap:Client</faultcode>")
                && unknown.text.contains("SOAP_REQUEST_INVALID"));
        // Typed clients know the fault's structure: every operation declares it, with its detail type.
        for (String service : new String[] {"wallets", "members", "org", "cards"}) {
            Answer wsdl = getRaw("/soap/" + service + "?wsdl", bearer(HQ_ADMIN));
            assertTrue(service + " WSDL declares the fault", wsdl.text.contains("<wsdl:fault name=\"TesseraFault\"")
                    && wsdl.text.contains("urn:tessera:error"));
        }
        Answer json = soapRaw("wallets", "{\"memberId\":1}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(json.toString(), 415, json.status);
        assertEquals(before, moneyState(member));
    }

    @Test
    public void jsonValuesMustHaveTheirFieldsType() {
        long member = fundedMember();
        String before = moneyState(member);
        long store = storeId("103");
        String[][] refused = {
            {"{\"memberId\":" + member + ".5,\"storeId\":" + store + ",\"amount\":1.00}", "memberId"},
            {"{\"memberId\":" + member + ".0,\"storeId\":" + store + ",\"amount\":1.00}", "memberId"},
            {"{\"memberId\":\"" + member + "\",\"storeId\":" + store + ",\"amount\":1.00}", "memberId"},
            {"{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":\"1.00\"}", "amount"},
            {"{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1.001}", "amount"},
            {"{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1e300}", "amount"},
            {"{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1.00,\"orderNo\":42}", "orderNo"},
            {"{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1.00,\"orderNo\":null}", "orderNo"},
            {"{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1.00,\"amount\":100.00}", null},
            {"{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1.00} {\"amount\":2}", null},
        };
        for (String[] r : refused) {
            Answer a = call("POST", "/wallets/payments", r[0], bearer(HQ_ADMIN), key());
            assertEquals(r[0] + " -> " + a, 400, a.status);
            if (r[1] != null) {
                assertEquals(r[0] + " -> " + a, r[1], a.field());
            }
        }
        // Enums by name only, never by their index.
        Answer index = call("POST", "/wallets/recharges", "{\"memberId\":" + member + ",\"storeId\":" + store
                + ",\"amount\":1.00,\"method\":0}", bearer(HQ_ADMIN), key());
        assertEquals(index.toString(), 400, index.status);
        assertEquals(before, moneyState(member));
        // A whole amount and 1.50 written as 1.5 are amounts.
        assertEquals(201, call("POST", "/wallets/payments", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1}",
                bearer(HQ_ADMIN), key()).status);
        assertEquals(201, call("POST", "/wallets/payments", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1.5}",
                bearer(HQ_ADMIN), key()).status);
        assertEquals(0, new BigDecimal("97.50").compareTo(new BigDecimal(moneyState(member).split(" ")[0])));
    }

    @Test
    public void anIdempotencyKeyBelongsToOneOperation() {
        long member = fundedMember();
        long store = storeId("103");
        Map<String, String> key = key();
        Answer pay = call("POST", "/wallets/payments", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1.00}",
                bearer(HQ_ADMIN), key);
        assertEquals(pay.toString(), 201, pay.status);
        String after = moneyState(member);
        Answer recharge = call("POST", "/wallets/recharges", "{\"memberId\":" + member + ",\"storeId\":" + store
                + ",\"amount\":1.00,\"method\":\"CASH\"}", bearer(HQ_ADMIN), key);
        assertEquals(recharge.toString(), 409, recharge.status);
        assertEquals("IDEMPOTENCY_KEY_REUSED", recharge.code());
        Answer register = call("POST", "/members", "{\"phone\":\"" + newPhone() + "\",\"name\":\"同键\",\"storeId\":" + store + "}",
                bearer(HQ_ADMIN), key);
        assertEquals(register.toString(), 409, register.status);
        assertEquals(after, moneyState(member));
        // The first operation's retry still answers as the first time.
        Answer retry = call("POST", "/wallets/payments", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":1.00}",
                bearer(HQ_ADMIN), key);
        assertEquals(retry.toString(), 201, retry.status);
        assertEquals(pay.json.at("/entry/id"), retry.json.at("/entry/id"));
    }

    @Test
    public void onlyTheContentTypesAnOperationDeclaresAreRead() {
        long member = fundedMember();
        String before = moneyState(member);
        String body = "{\"memberId\":" + member + ",\"storeId\":" + storeId("103") + ",\"amount\":1.00}";
        for (String type : new String[] {"application/json; charset=UTF-16", "*/*", "application/*", "text/plain",
                "application/xml", "application/json; charset=ISO-8859-1", "nonsense"}) {
            Answer a = json("POST", "/wallets/payments", body, type);
            assertEquals(type + " -> " + a, 415, a.status);
            assertEquals("UNSUPPORTED_MEDIA_TYPE", a.code());
        }
        Answer none = json("POST", "/wallets/payments", body, null);
        assertEquals(none.toString(), 415, none.status);
        assertEquals(before, moneyState(member));
        assertEquals(201, json("POST", "/wallets/payments", body, "application/json;charset=utf-8").status);
        assertEquals(201, json("POST", "/wallets/payments", body, "Application/JSON").status);
    }

    @Test
    public void bodiesAreBoundedAndUploadsHaveTheirOwnLimit() {
        long member = fundedMember();
        String before = moneyState(member);
        byte[] big = ("{\"memberId\":" + member + ",\"remark\":\"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(key());
        headers.put("Authorization", bearer(HQ_ADMIN));
        headers.put("Content-Type", "application/json");
        Answer sized = raw("POST", "/api/v1/wallets/payments", big, headers);
        assertEquals(sized.toString(), 413, sized.status);
        assertEquals("BODY_TOO_LARGE", sized.code());
        headers.put("Transfer-Encoding", "chunked");
        Answer streamed = raw("POST", "/api/v1/wallets/payments", big, headers);
        assertEquals(streamed.toString(), 413, streamed.status);
        Answer soap = soapRaw("wallets", (String.format(SOAP_PAY, member, storeId("103"), "1.00", "big")
                + "<!--" + "x".repeat(1_100_000) + "--></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8), "text/xml");
        assertEquals(soap.toString(), 413, soap.status);
        assertTrue(soap.toString(), soap.text.contains("BODY_TOO_LARGE"));
        assertEquals(before, moneyState(member));
        // A card export larger than 1 MiB is an upload: it is read (and judged on its content).
        StringBuilder csv = new StringBuilder("卡号,卡类型,余额,所属门店,卡状态\n");
        for (int i = 0; csv.length() < 1_200_000; i++) {
            csv.append("BIG").append(100000 + i).append(",NOTYPE,1.00,103,正常\n");
        }
        Answer upload = upload("/cards/imports?fileName=big.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv",
                bearer(HQ_ADMIN));
        assertTrue(upload.toString(), upload.status == 202 || upload.status == 200);
    }

    @Test
    public void pagingIsBoundedOnEveryList() {
        String hq = bearer(HQ_ADMIN);
        for (String list : new String[] {"/members", "/wallets/balances", "/wallets/transactions", "/cards", "/jobs",
                "/operators", "/cards/imports", "/wallets/ledgers/holders?storeId=1"}) {
            String sep = list.contains("?") ? "&" : "?";
            Answer far = call("GET", list + sep + "page=2147483647&size=200", null, hq);
            assertEquals(list + " -> " + far, 400, far.status);
            assertEquals(list, "page", far.field());
            Answer big = call("GET", list + sep + "size=201", null, hq);
            assertEquals(list + " -> " + big, 400, big.status);
            assertEquals(list, "size", big.field());
            Answer fraction = call("GET", list + sep + "page=1.5", null, hq);
            assertEquals(list + " -> " + fraction, 400, fraction.status);
            Answer one = call("GET", list + sep + "page=1&size=1", null, hq);
            assertEquals(list + " -> " + one, 200, one.status);
            assertTrue(list + " -> " + one, one.json.get("items").size() <= 1 && one.json.get("size").asInt() == 1);
        }
        Answer soap = soap("members", "<m:listMembers xmlns:m=\"urn:tessera:members\"><query><page>2147483647</page><size>200</size>"
                + "</query></m:listMembers>", hq);
        assertTrue(soap.toString(), soap.text.contains("<tessera:code>PAGE_INVALID</tessera:code>"));
    }

    @Test
    public void blankOrMalformedIdsAreClientErrors() {
        String hq = bearer(HQ_ADMIN);
        for (String path : new String[] {"/jobs/%20", "/jobs/%09/result", "/cards/imports/%09/rejects", "/cards/imports/%20",
                "/jobs/1.5", "/jobs/+1", "/cards/imports/x"}) {
            Answer a = call("GET", path, null, hq);
            assertEquals(path + " -> " + a, 400, a.status);
            assertEquals(path, "id", a.field());
        }
        assertEquals(400, call("GET", "/members?storeId=%201", null, hq).status);
        assertEquals(400, call("GET", "/operators?storeId=abc", null, hq).status);
    }

    @Test
    public void aMethodTheMostSpecificPathLacksIs405WithAllow() {
        String hq = bearer(HQ_ADMIN);
        String[][] cases = {{"GET", "/cards/void-exports", "POST"}, {"PUT", "/levels/reevaluate", "POST"},
            {"DELETE", "/wallets/payments", "POST"}, {"PATCH", "/stores/1", "GET, PUT"}, {"POST", "/health", "GET"}};
        for (String[] c : cases) {
            Answer a = raw(c[0], "/api/v1" + c[1], c[0].equals("GET") || c[0].equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8),
                    Map.of("Authorization", hq, "Content-Type", "application/json"));
            assertEquals(c[0] + " " + c[1] + " -> " + a, 405, a.status);
            assertEquals("METHOD_NOT_ALLOWED", a.code());
        }
        // The Allow header, as a client reads it.
        try {
            java.net.http.HttpResponse<Void> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base() + "/api/v1/cards/void-exports")).header("Authorization", hq).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertEquals(List.of("POST"), r.headers().allValues("Allow"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    public void patchRefusesNullAndSearchTakesWildcardsLiterally() {
        String hq = bearer(HQ_ADMIN);
        Answer m = call("POST", "/members", "{\"phone\":\"" + newPhone() + "\",\"name\":\"百分_号\",\"storeId\":" + storeId("103") + "}", hq);
        long id = m.json.get("id").asLong();
        Answer nulled = call("PATCH", "/members/" + id, "{\"name\":null}", hq);
        assertEquals(nulled.toString(), 400, nulled.status);
        assertEquals("name", nulled.field());
        assertEquals("百分_号", call("GET", "/members/" + id, null, hq).json.get("name").asText());
        Answer percent = call("GET", "/members?name=%25", null, hq);
        assertEquals(percent.toString(), 0, percent.json.get("total").asLong());
        Answer underscore = call("GET", "/members?name=_", null, hq);
        assertEquals(underscore.toString(), 0, underscore.json.get("total").asLong());
        Answer literal = call("GET", "/members?name=%E7%99%BE%E5%88%86_", null, hq);
        assertEquals(literal.toString(), 1, literal.json.get("total").asLong());
    }

    @Test
    public void loginCodesAreLimitedPerClientAddressWhateverThePhones() throws Exception {
        Configuration c = configAdmin.getConfiguration("io.tessera.codes", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("max.per.requester.per.hour", "3");
        c.update(props);
        try {
            // The limit counts what this address asked for in the last hour, this test's requests included.
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(call("POST", "/auth/codes", "{\"phone\":\"" + newPhone() + "\"}", null).status);
            }
            assertTrue(statuses.toString(), statuses.contains(429));
            assertEquals(statuses.toString(), 429, (int) statuses.get(statuses.size() - 1));
            Answer refused = call("POST", "/auth/codes", "{\"phone\":\"" + newPhone() + "\"}", null);
            assertEquals("CODE_REQUESTS_TOO_MANY", refused.code());
        } finally {
            props.put("max.per.requester.per.hour", "1000");
            c.update(props);
            await("the code limit to be lifted", 20,
                    () -> call("POST", "/auth/codes", "{\"phone\":\"" + newPhone() + "\"}", null).status == 202);
        }
    }

    @Test
    public void refusedRequestsWriteNoStackTraceAndNoCardNumber() throws Exception {
        String clerk101 = bearer(CLERK_101);
        long store = storeId("103");
        Answer otherStore = call("GET", "/cards/PRB154826821456", null, clerk101);
        assertEquals(otherStore.toString(), 404, otherStore.status);
        Answer tooMuch = call("POST", "/wallets/payments", "{\"memberId\":" + fundedMember() + ",\"storeId\":" + store
                + ",\"amount\":1000000.00}", bearer(HQ_ADMIN), key());
        assertEquals(tooMuch.toString(), 422, tooMuch.status);
        soap("cards", "<c:getCard xmlns:c=\"urn:tessera:cards\"><cardNo>PRB154826821457</cardNo></c:getCard>", clerk101);
        List<String> log = Files.readAllLines(Paths.get(System.getProperty("karaf.data"), "log", "karaf.log"));
        for (String line : log) {
            assertFalse(line, line.contains("PRB15482682145"));
            assertFalse(line, line.contains("TesseraException"));
            // The transaction manager's WARN with a stack trace on every rollback of a refusal.
            assertFalse(line, line.contains("Error ending association"));
        }
    }
}
