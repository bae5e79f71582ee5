package org.preconsult.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

/** Central's operator and its federation identity: the root made at first start, enrolment tokens, who may ask. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustApiTest implements TestPropertyProvider {

    @Inject
    NodeClient api;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties("CENTRAL");
    }

    private Reply send(HttpRequest<?> request, String role) {
        return api.send(request, role);
    }

    @Test
    void centralCreatesTheRootAtFirstStart_andShowsItsCertificate() {
        var reply = send(HttpRequest.GET("/api/v1/trust/certificate"), "OPERATOR");
        assertEquals(200, reply.status());
        assertEquals(NodeFixture.NODE_ID, reply.json().get("nodeId"));
        assertEquals("CENTRAL", reply.json().get("role"));
        assertEquals(true, reply.json().get("holdsRootKey"));
        assertEquals(64, ((String) reply.json().get("rootFingerprint")).length());
        var health = api.anonymous(HttpRequest.GET("/health"));
        assertNotNull(health.json().get("certificateExpiresAt"));
    }

    @Test
    void operatorIssuesAToken_namingTheChildAndTheRoot() {
        var reply = send(HttpRequest.POST("/api/v1/trust/enrolment-tokens", Map.of("nodeId", "prov-east", "role", "PROVINCIAL")),
                "OPERATOR");
        assertEquals(201, reply.status());
        assertTrue(((String) reply.json().get("token")).length() >= 40);
        assertEquals("prov-east", reply.json().get("nodeId"));
        assertEquals(NodeFixture.NODE_ID, reply.json().get("parentNodeId"));
        assertEquals(send(HttpRequest.GET("/api/v1/trust/certificate"), "OPERATOR").json().get("rootFingerprint"),
                reply.json().get("rootFingerprint"));
    }

    @Test
    void onlyAnOperatorIssuesTokens() {
        for (String role : new String[] {"COORDINATOR", "REVIEWER", "AUDITOR"}) {
            var reply = send(HttpRequest.POST("/api/v1/trust/enrolment-tokens", Map.of("nodeId", "x", "role", "LOCAL")), role);
            assertEquals(403, reply.status(), role);
        }
        var anonymous = api.anonymous(HttpRequest.POST("/api/v1/trust/enrolment-tokens", Map.of("nodeId", "x", "role", "LOCAL")));
        assertEquals(401, anonymous.status());
    }

    @Test
    void tokenForCentral_isRefused_andAnInvalidNodeIdToo() {
        var central = send(HttpRequest.POST("/api/v1/trust/enrolment-tokens", Map.of("nodeId", "other", "role", "CENTRAL")),
                "OPERATOR");
        assertEquals(409, central.status());
        assertTrue(String.valueOf(central.json().get("detail")).contains("cannot enrol a CENTRAL node"));
        var invalid = send(HttpRequest.POST("/api/v1/trust/enrolment-tokens", Map.of("nodeId", "no spaces!", "role", "LOCAL")),
                "OPERATOR");
        assertEquals(400, invalid.status());
    }

    @Test
    void issuedTokensAreAudited_butNotStoredInClear() {
        var reply = send(HttpRequest.POST("/api/v1/trust/enrolment-tokens", Map.of("nodeId", "city-q", "role", "LOCAL")),
                "OPERATOR");
        String token = (String) reply.json().get("token");
        var audit = send(HttpRequest.GET("/api/v1/audit?entityType=ENROLMENT_TOKEN"), "AUDITOR");
        assertEquals(200, audit.status());
        assertTrue(audit.json().toString().contains("city-q"), audit.json().toString());
        assertTrue(!audit.json().toString().contains(token));
    }
}
