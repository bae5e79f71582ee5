package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.preconsult.trust.application.NodeCertificate;

/**
 * Certificates over their life: the operator sees each enrolled child, a node renews its
 * certificate and keeps working while its old one is refused, and a revoked node is cut off with a
 * reason both operators can read.
 */
class TrustLifecycleTest {

    static FederationFixture federation;

    @BeforeAll
    static void startFederation() {
        federation = FederationFixture.standardTree();
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(FederationFixture.Node parent, String childId) {
        var children = parent.http().retrieve(parent.as("OPERATOR", io.micronaut.http.HttpRequest.GET("/api/v1/trust/children")),
                io.micronaut.core.type.Argument.listOf(Map.class));
        return (Map<String, Object>) children.stream().filter(c -> childId.equals(c.get("nodeId"))).findFirst().orElseThrow();
    }

    static String submit(FederationFixture.Node node, String title) {
        var draft = node.postJson("COORDINATOR", "/api/v1/plans", PlanFixture.completePlan(title));
        String planId = (String) draft.get("id");
        node.postJson("COORDINATOR", "/api/v1/plans/" + planId + "/submission", Map.of());
        return planId;
    }

    @Test
    void operatorListsEnrolledChildren_withRoleExpiryFingerprintAndLastContact() {
        var provNorth = federation.node("prov-north");
        var cityA = child(provNorth, "city-a");
        assertEquals("LOCAL", cityA.get("role"));
        assertNotNull(cityA.get("certificateExpiresAt"));
        assertEquals(federation.node("city-a").getJson("OPERATOR", "/api/v1/trust/certificate").get("fingerprint"),
                cityA.get("fingerprint"));
        FederationFixture.await("prov-north has heard from city-a", Duration.ofSeconds(10),
                () -> child(provNorth, "city-a").get("lastContact") != null);
        var health = federation.node("city-a").getJson("OPERATOR", "/health");
        assertNotNull(health.get("certificateExpiresAt"));
        assertTrue(String.valueOf(((Map<?, ?>) health.get("parent")).get("tls")).contains("mutual TLS 1.3 to prov-north"),
                String.valueOf(health.get("parent")));
    }

    @Test
    void renewedLocal_keepsWorking_andItsOldCertificateIsRefused() {
        var cityA = federation.node("city-a");
        var provNorth = federation.node("prov-north");
        var old = cityA.context().getBean(NodeCertificate.class).require();
        var renewed = cityA.postJson("OPERATOR", "/api/v1/trust/certificate/renewal", Map.of());
        assertEquals(renewed.get("fingerprint"), child(provNorth, "city-a").get("fingerprint"));
        assertEquals(1, provNorth.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'ENROLLED_NODE' "
                + "AND entity_id = 'city-a' AND action = 'RENEWED'"));

        String planId = submit(cityA, "Plan sent after a renewal");
        FederationFixture.await("the plan reached review", Duration.ofSeconds(30),
                () -> provNorth.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId)
                        + federation.node("central").count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId) > 0);

        try (var thief = Intruder.withKey(provNorth.grpcPort(), old.key(), old.chain())) {
            var e = assertThrows(StatusRuntimeException.class, () -> thief.pull("city-a"));
            assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
            assertTrue(e.getStatus().getDescription().contains("superseded"), e.getStatus().getDescription());
        }
    }

    @Test
    void revokedLocal_isCutOff_andBothOperatorsSeeWhy() {
        var cityB = federation.node("city-b");
        var provNorth = federation.node("prov-north");
        var revoked = provNorth.postJson("OPERATOR", "/api/v1/trust/children/city-b/revocation",
                Map.of("reason", "The county's server was compromised."));
        assertNotNull(revoked.get("revokedAt"));
        assertEquals(1, provNorth.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'ENROLLED_NODE' "
                + "AND entity_id = 'city-b' AND action = 'REVOKED'"));

        String planId = submit(cityB, "Plan of a revoked node");
        FederationFixture.await("city-b's health shows the refusal", Duration.ofSeconds(20), () -> {
            var parent = (Map<?, ?>) cityB.getJson("OPERATOR", "/health").get("parent");
            return String.valueOf(parent.get("lastError")).contains("revoked");
        });
        assertEquals(0, provNorth.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId));
        assertTrue(TrustAttacksTest.refusals(provNorth).stream().anyMatch(r -> r.contains("city-b") && r.contains("revoked")));
    }

    @Test
    void revokedProvince_cannotCallCentral_norSpeakForItsSubtree() {
        var central = federation.node("central");
        var provSouth = federation.node("prov-south");
        var countyC = federation.node("county-c");
        central.postJson("OPERATOR", "/api/v1/trust/children/prov-south/revocation", Map.of("reason", "Decommissioned."));
        var envelope = Intruder.sealedBy(countyC, Intruder.planEnvelope("county-c", 9_000, "revoked-subtree-1", "Plan"));
        try (var provinceKey = Intruder.as(provSouth, central.grpcPort())) {
            var e = assertThrows(StatusRuntimeException.class, () -> provinceKey.push("prov-south", List.of(envelope)));
            assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        }
        // Relayed by another province, the local's envelope carries the revoked province in its chain.
        try (var otherProvince = Intruder.as(federation.node("prov-north"), central.grpcPort())) {
            var ack = otherProvince.push("prov-north", envelope).getAcks(0);
            assertEquals(org.preconsult.federation.v1.EnvelopeAck.Result.REJECTED, ack.getResult());
        }
        assertEquals(0, central.count("SELECT COUNT(*) FROM review_case WHERE plan_id = 'revoked-subtree-1'"));
    }
}
