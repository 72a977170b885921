package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** The foundation as store staff and integrators use it: login, members over REST and SOAP, errors, scopes. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class FoundationIT extends TesseraTestSupport {

    @Before
    public void ready() {
        awaitReady();
    }

    private String registerBody(String phone, long storeId) {
        return "{\"phone\":\"" + phone + "\",\"name\":\"张三\",\"gender\":\"MALE\",\"birthday\":\"1990-05-01\",\"storeId\":" + storeId + "}";
    }

    @Test
    public void loginRegisterOverRestFindOverSoap() {
        String clerk = bearer(CLERK_103);
        long store103 = storeId("103");
        String phone = newPhone();
        Answer created = call("POST", "/members", registerBody(phone, store103), clerk);
        assertEquals(created.toString(), 201, created.status);
        assertEquals("ON_BEHALF", created.json.get("channel").asText());
        assertEquals("operator:E10301", created.json.get("registeredBy").asText());
        String memberNo = created.json.get("memberNo").asText();
        assertTrue(memberNo, memberNo.matches("M\\d{10}"));

        Answer me = call("GET", "/auth/me", null, clerk);
        assertEquals(me.toString(), "E10301", me.json.get("employeeNo").asText());

        Answer found = soap("members", "<m:findMemberByPhone xmlns:m=\"urn:tessera:members\"><phone>" + phone
                + "</phone></m:findMemberByPhone>", clerk);
        assertEquals(found.toString(), 200, found.status);
        assertTrue(found.text, found.text.contains("<memberNo>" + memberNo + "</memberNo>"));
        assertTrue(found.text, found.text.contains("<name>张三</name>"));
        // A store's callers get phones masked, over REST and SOAP; headquarters sees them whole.
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);
        assertEquals(masked, created.json.get("phone").asText());
        assertTrue(found.text, found.text.contains("<phone>" + masked + "</phone>") && !found.text.contains(phone));
        for (JsonNode m : call("GET", "/members?phone=" + phone, null, clerk).json.get("items")) {
            assertEquals(masked, m.get("phone").asText());
        }
        assertEquals(phone, call("GET", "/members/by-phone/" + phone, null, bearer(FINANCE)).json.get("phone").asText());

        Answer wsdl = getRaw("/soap/members?wsdl", clerk);
        assertEquals(200, wsdl.status);
        assertTrue(wsdl.text.contains("findMemberByPhone"));
    }

    @Test
    public void duplicatePhoneIsAConflictWithACode() {
        String clerk = bearer(CLERK_103);
        String phone = newPhone();
        assertEquals(201, call("POST", "/members", registerBody(phone, storeId("103")), clerk).status);
        Answer again = call("POST", "/members", registerBody(phone, storeId("103")), clerk);
        assertEquals(again.toString(), 409, again.status);
        assertEquals("MEMBER_PHONE_EXISTS", again.code());
        assertEquals("phone", again.field());
    }

    @Test
    public void badInputIsA400NamingTheFieldAndWritesNothing() {
        String clerk = bearer(CLERK_103);
        long store = storeId("103");
        Answer badPhone = call("POST", "/members", registerBody("12345", store), clerk);
        assertEquals(badPhone.toString(), 400, badPhone.status);
        assertEquals("PHONE_INVALID", badPhone.code());
        assertEquals("phone", badPhone.field());

        String phone = newPhone();
        Answer noName = call("POST", "/members", "{\"phone\":\"" + phone + "\",\"storeId\":" + store + "}", clerk);
        assertEquals(noName.toString(), 400, noName.status);
        assertEquals("FIELD_REQUIRED", noName.code());
        assertEquals("name", noName.field());

        Answer malformed = call("POST", "/members", "{\"phone\": \"" + phone + "\", name", clerk);
        assertEquals(malformed.toString(), 400, malformed.status);
        assertEquals("JSON_MALFORMED", malformed.code());

        Answer wrongType = call("POST", "/members", "{\"phone\":\"" + phone + "\",\"name\":\"x\",\"storeId\":\"abc\"}", clerk);
        assertEquals(wrongType.toString(), 400, wrongType.status);
        assertEquals("storeId", wrongType.field());

        Answer badDate = call("POST", "/members", "{\"phone\":\"" + phone + "\",\"name\":\"x\",\"birthday\":\"1990-13-45\"}", clerk);
        assertEquals(badDate.toString(), 400, badDate.status);
        assertEquals("birthday", badDate.field());

        Answer unknownField = call("POST", "/members", "{\"phone\":\"" + phone + "\",\"name\":\"x\",\"nmae\":\"y\"}", clerk);
        assertEquals(unknownField.toString(), 400, unknownField.status);
        assertEquals("FIELD_UNKNOWN", unknownField.code());
        assertEquals("nmae", unknownField.field());

        Answer badPage = call("GET", "/members?page=abc", null, clerk);
        assertEquals(badPage.toString(), 400, badPage.status);
        assertEquals("page", badPage.field());

        // None of the refused requests wrote anything.
        Answer lookup = call("GET", "/members/by-phone/" + phone, null, clerk);
        assertEquals(lookup.toString(), 404, lookup.status);
        assertEquals("MEMBER_NOT_FOUND", lookup.code());

        Answer soapFault = soap("members", "<m:findMemberByPhone xmlns:m=\"urn:tessera:members\"><phone>123</phone></m:findMemberByPhone>", clerk);
        assertEquals(soapFault.toString(), 500, soapFault.status);
        assertTrue(soapFault.text, soapFault.text.contains("<tessera:code>PHONE_INVALID</tessera:code>"));
        assertTrue(soapFault.text, soapFault.text.contains("<tessera:field>phone</tessera:field>"));
        assertFalse(soapFault.text, soapFault.text.contains("at io.tessera"));
    }

    @Test
    public void aClerkSeesOnlyTheirOwnStore() {
        long store101 = storeId("101");
        String phone = newPhone();
        Answer other = call("POST", "/members", registerBody(phone, store101), bearer(CLERK_101));
        assertEquals(other.toString(), 201, other.status);
        long id = other.json.get("id").asLong();
        String clerk103 = bearer(CLERK_103);

        assertEquals(404, call("GET", "/members/" + id, null, clerk103).status);
        assertEquals(404, call("GET", "/members/by-phone/" + phone, null, clerk103).status);
        assertEquals(403, call("GET", "/members?storeId=" + store101, null, clerk103).status);
        Answer list = call("GET", "/members?phone=" + phone, null, clerk103);
        assertEquals(list.toString(), 200, list.status);
        assertEquals(0, list.json.get("total").asLong());
        Answer all = call("GET", "/members?size=200", null, clerk103);
        for (JsonNode m : all.json.get("items")) {
            assertEquals(storeId("103"), m.get("registeredStoreId").asLong());
        }
        Answer registerElsewhere = call("POST", "/members", registerBody(newPhone(), store101), clerk103);
        assertEquals(registerElsewhere.toString(), 403, registerElsewhere.status);
        Answer soapOther = soap("members", "<m:getMember xmlns:m=\"urn:tessera:members\"><memberId>" + id
                + "</memberId></m:getMember>", clerk103);
        assertTrue(soapOther.text, soapOther.text.contains("MEMBER_NOT_FOUND"));

        // Headquarters sees it.
        assertEquals(200, call("GET", "/members/" + id, null, bearer(FINANCE)).status);
    }

    @Test
    public void noOrBadCredentialsAre401() {
        Answer none = call("GET", "/members", null, null);
        assertEquals(none.toString(), 401, none.status);
        assertEquals("AUTH_REQUIRED", none.code());
        assertEquals(401, call("GET", "/members", null, "Bearer not-a-token").status);
        assertEquals(401, call("GET", "/openapi.json", null, null).status);
        assertEquals(401, soap("members", "<m:listLevels xmlns:m=\"urn:tessera:members\"/>", null).status);
        assertEquals(401, getRaw("/soap/members?wsdl", null).status);
        assertEquals(200, call("GET", "/health", null, null).status);

        String token = bearer(MANAGER_103);
        assertEquals(200, call("GET", "/members", null, token).status);
        Answer openApi = call("GET", "/openapi.json", null, token);
        assertEquals(200, openApi.status);
        assertNotNull(openApi.json.path("paths").get("/members"));
    }

    @Test
    public void headquartersManagesIntegratorClients() {
        String hq = bearer(HQ_ADMIN);
        long store103 = storeId("103");
        String id = "pos-it-" + System.nanoTime();
        String body = "{\"clientId\":\"" + id + "\",\"name\":\"收银机 103\",\"role\":\"CLERK\",\"storeIds\":[" + store103 + "]}";
        assertEquals(403, call("POST", "/clients", body, bearer(MANAGER_103)).status);
        assertEquals(403, call("GET", "/clients", null, bearer(FINANCE)).status);
        Answer made = call("POST", "/clients", body, hq);
        assertEquals(made.toString(), 201, made.status);
        String secret = made.json.get("secret").asText();
        assertTrue(secret.length() >= 40);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, call("GET", "/members?storeId=" + store103, null, basic).status);
        assertEquals(403, call("GET", "/members?storeId=" + storeId("101"), null, basic).status);

        Answer again = call("POST", "/clients", body, hq);
        assertEquals(again.toString(), 409, again.status);
        assertEquals("CLIENT_EXISTS", again.code());
        Answer noStore = call("POST", "/clients", "{\"clientId\":\"x-" + id + "\",\"role\":\"CLERK\"}", hq);
        assertEquals(noStore.toString(), "storeIds", noStore.field());
        Answer badRole = call("POST", "/clients", "{\"clientId\":\"y-" + id + "\",\"role\":\"ROOT\"}", hq);
        assertEquals(badRole.toString(), 400, badRole.status);
        assertEquals("role", badRole.field());
        Answer badId = call("POST", "/clients", "{\"clientId\":\"a b\",\"role\":\"HQ_ADMIN\"}", hq);
        assertEquals("CLIENT_ID_INVALID", badId.code());

        JsonNode listed = null;
        for (JsonNode c : call("GET", "/clients", null, hq).json) {
            if (id.equals(c.get("clientId").asText())) {
                listed = c;
            }
            assertFalse(c.toString(), c.has("secret"));
        }
        assertTrue(listed != null && listed.get("enabled").asBoolean() && "CLERK".equals(listed.get("role").asText()));
        assertEquals(204, call("POST", "/clients/" + id + "/disable", null, hq).status);
        assertEquals(401, call("GET", "/members?storeId=" + store103, null, basic).status);
        assertEquals(404, call("POST", "/clients/no-such-client/disable", null, hq).status);

        // An integrator never manages clients, even one of headquarters (a leaked secret cannot mint another).
        assertEquals(200, call("GET", "/members?storeId=" + store103, null, PROVISIONED_BASIC).status);
        Answer byClient = call("POST", "/clients", "{\"clientId\":\"z-" + id + "\",\"role\":\"HQ_ADMIN\"}", PROVISIONED_BASIC);
        assertEquals(byClient.toString(), 403, byClient.status);
        assertEquals(403, call("GET", "/clients", null, PROVISIONED_BASIC).status);
        // A client from a file is disabled by deleting its file: disabling it here would not survive a restart.
        Answer fromFile = call("POST", "/clients/" + PROVISIONED_CLIENT + "/disable", null, hq);
        assertEquals(fromFile.toString(), 409, fromFile.status);
        assertEquals("CLIENT_PROVISIONED", fromFile.code());
        assertEquals(200, call("GET", "/members?storeId=" + store103, null, PROVISIONED_BASIC).status);
        Answer nullStore = call("POST", "/clients", "{\"clientId\":\"w-" + id + "\",\"role\":\"CLERK\",\"storeIds\":[null]}", hq);
        assertEquals(nullStore.toString(), 400, nullStore.status);
        assertEquals("storeIds", nullStore.field());
    }

    @Test
    public void wrongCodeFiveTimesKillsTheCode() {
        String phone = "13800000006";
        long before = lastOutboxId(phone);
        assertEquals(202, call("POST", "/auth/codes", "{\"phone\":\"" + phone + "\"}", null).status);
        String code = latestCode(phone, before);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 5; i++) {
            Answer a = call("POST", "/auth/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + wrong + "\"}", null);
            assertEquals(a.toString(), 400, a.status);
            assertEquals(a.toString(), i < 5 ? "CODE_INVALID" : "CODE_DEAD", a.code());
        }
        Answer right = call("POST", "/auth/login", "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\"}", null);
        assertEquals(right.toString(), 400, right.status);
        assertEquals("CODE_DEAD", right.code());
        Answer tooSoon = call("POST", "/auth/codes", "{\"phone\":\"" + phone + "\"}", null);
        assertEquals(tooSoon.toString(), 429, tooSoon.status);
    }

    @Test
    public void unknownPhonesGetTheSameAnswerAndNoMessage() {
        String unknown = newPhone();
        Answer a = call("POST", "/auth/codes", "{\"phone\":\"" + unknown + "\"}", null);
        Answer known = call("POST", "/auth/codes", "{\"phone\":\"" + FINANCE + "\"}", null);
        assertEquals(202, a.status);
        assertEquals(known.status == 429 ? 202 : known.status, a.status);
        assertTrue(outbox.recent(unknown, 1).isEmpty());
        Answer login = call("POST", "/auth/login", "{\"phone\":\"" + unknown + "\",\"code\":\"123456\"}", null);
        assertEquals(400, login.status);
        assertEquals("CODE_INVALID", login.code());
    }

    @Test
    public void hqCreatesAnOperatorWhoLogsInAndOut() {
        String phone = newPhone();
        Answer created = call("POST", "/operators", "{\"employeeNo\":\"T" + phone + "\",\"name\":\"新店员\",\"phone\":\"" + phone
                + "\",\"roles\":[\"CLERK\"],\"storeIds\":[" + storeId("103") + "]}", bearer(HQ_ADMIN));
        assertEquals(created.toString(), 201, created.status);
        Answer byClerk = call("POST", "/operators", "{\"employeeNo\":\"X1\",\"name\":\"x\",\"phone\":\"" + newPhone()
                + "\",\"roles\":[\"HQ_ADMIN\"]}", bearer(CLERK_103));
        assertEquals(byClerk.toString(), 403, byClerk.status);

        String token = bearer(phone);
        assertEquals(200, call("GET", "/auth/me", null, token).status);
        assertEquals(204, call("POST", "/auth/logout", null, token).status);
        Answer after = call("GET", "/auth/me", null, token);
        assertEquals(after.toString(), 401, after.status);
        assertEquals("TOKEN_INVALID", after.code());
    }

    @Test
    public void idempotentRegistrationReturnsTheFirstAnswer() {
        String clerk = bearer(CLERK_103);
        String body = registerBody(newPhone(), storeId("103"));
        Map<String, String> key = Map.of("Idempotency-Key", "reg-" + System.nanoTime());
        Answer first = call("POST", "/members", body, clerk, key);
        Answer retry = call("POST", "/members", body, clerk, key);
        assertEquals(201, first.status);
        assertEquals(201, retry.status);
        assertEquals(first.json.get("id"), retry.json.get("id"));
        Answer other = call("POST", "/members", registerBody(newPhone(), storeId("103")), clerk, key);
        assertEquals(other.toString(), 409, other.status);
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.code());
    }

    @Test
    public void concurrentRegistrationsOfOnePhoneMakeOneMember() throws Exception {
        String clerk = bearer(CLERK_103);
        String body = registerBody(newPhone(), storeId("103"));
        List<Answer> answers = inParallel(20, i -> call("POST", "/members", body, clerk));
        long created = answers.stream().filter(a -> a.status == 201).count();
        assertEquals(answers.toString(), 1, created);
        for (Answer a : answers) {
            if (a.status != 201) {
                assertEquals(a.toString(), 409, a.status);
                assertEquals(a.toString(), "MEMBER_PHONE_EXISTS", a.code());
            }
        }
    }

    @Test
    public void concurrentRetriesWithOneKeyGetOneAnswer() throws Exception {
        String clerk = bearer(CLERK_103);
        String phone = newPhone();
        String body = registerBody(phone, storeId("103"));
        Map<String, String> key = Map.of("Idempotency-Key", "parallel-" + phone);
        List<Answer> answers = inParallel(10, i -> call("POST", "/members", body, clerk, key));
        Set<String> ids = new HashSet<>();
        for (Answer a : answers) {
            assertEquals(a.toString(), 201, a.status);
            ids.add(a.json.get("id").asText());
        }
        assertEquals("every retry answers with the one member", 1, ids.size());
        assertEquals(1, call("GET", "/members?phone=" + phone, null, bearer(HQ_ADMIN)).json.get("total").asLong());
    }

    /**
     * Starting the distribution (every schema, every face published once) and the refusals of this class
     * (bad input, wrong codes, conflicts, missing credentials) leave no ERROR line in the log: an error line
     * means something is broken.
     */
    @Test
    public void startingAndRefusingLogNoErrors() throws Exception {
        java.nio.file.Path log = java.nio.file.Paths.get(System.getProperty("karaf.data"), "log", "karaf.log");
        List<String> errors = java.nio.file.Files.readAllLines(log).stream().filter(l -> l.contains("| ERROR |")).toList();
        assertTrue(String.join("\n", errors), errors.isEmpty());
    }
}
