package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The members feature removed and installed again at runtime: endpoints vanish and return, data stays. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MembersHotDeployIT extends TesseraTestSupport {

    @Test
    public void uninstallAndReinstallMembers() throws Exception {
        awaitReady();
        String clerk = bearer(CLERK_103);
        String phone = newPhone();
        Answer created = call("POST", "/members", "{\"phone\":\"" + phone + "\",\"name\":\"李四\",\"storeId\":" + storeId("103") + "}", clerk);
        assertEquals(created.toString(), 201, created.status);
        long id = created.json.get("id").asLong();

        features.uninstallFeature("tessera-members");
        // The REST server is republished without the members resources: wait until it is back for the others.
        await("/members to vanish", 60, () -> call("GET", "/members/" + id, null, clerk).status == 404
                && getRaw("/soap/members?wsdl", clerk).status == 404 && call("GET", "/stores", null, clerk).status == 200);
        Answer gone = call("GET", "/members/" + id, null, clerk);
        assertEquals("NOT_FOUND", gone.code());
        assertTrue(call("GET", "/openapi.json", null, clerk).json.path("paths").path("/members").isMissingNode());
        // The rest of the platform keeps answering.
        assertEquals(200, call("GET", "/stores", null, clerk).status);

        features.installFeature("tessera-members");
        await("/members to return", 90, () -> call("GET", "/members/" + id, null, clerk).status == 200);
        Answer back = call("GET", "/members/" + id, null, clerk);
        assertEquals(phone, back.json.get("phone").asText());
        assertEquals("李四", back.json.get("name").asText());
        assertEquals(200, getRaw("/soap/members?wsdl", clerk).status);
    }
}
