package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.transaction.TransactionOperations;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.NodeKey;
import org.preconsult.sync.application.Feed;

/**
 * The attacks found on the plaintext federation port, each performed against a running federation
 * of enrolled nodes over mutual TLS: each is refused, and the refusal is visible to the operator of
 * the node that refused it. Where an attack needs an enrolled node's key, the test takes it from
 * that node, as an attacker who compromised the node would.
 */
class TrustAttacksTest {

    static FederationFixture federation;
    static FederationFixture.Node central;
    static FederationFixture.Node provNorth;
    static FederationFixture.Node cityA;
    static FederationFixture.Node cityB;
    static FederationFixture.Node countyC;

    @BeforeAll
    static void startFederation() {
        federation = FederationFixture.standardTree();
        central = federation.node("central");
        provNorth = federation.node("prov-north");
        cityA = federation.node("city-a");
        cityB = federation.node("city-b");
        countyC = federation.node("county-c");
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    @SuppressWarnings("unchecked")
    static List<String> refusals(FederationFixture.Node node) {
        var page = node.getJson("OPERATOR", "/api/v1/trust/refusals?size=500");
        List<String> reasons = new ArrayList<>();
        for (var item : (List<Map<String, Object>>) page.get("items")) {
            reasons.add(item.get("what") + " " + item.get("peer") + ": " + item.get("reason"));
        }
        return reasons;
    }

    static void assertRefusalRecorded(FederationFixture.Node node, String... fragments) {
        FederationFixture.await("a refusal mentioning " + List.of(fragments) + " is listed at " + node.id(),
                Duration.ofSeconds(5), () -> refusals(node).stream().anyMatch(r -> List.of(fragments).stream().allMatch(r::contains)));
    }

    static long casesFor(FederationFixture.Node node, String planId) {
        return node.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId);
    }

    static Status.Code codeOf(Runnable call) {
        return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
    }

    // 10. The channel itself was plaintext.
    @Test
    void plaintextClient_cannotSpeakToTheFederationPort() {
        try (var intruder = Intruder.plaintext(provNorth.grpcPort())) {
            var code = codeOf(() -> intruder.push("city-a", Intruder.planEnvelope("city-a", 1, "plain-1", "Plaintext plan")));
            assertEquals(Status.Code.UNAVAILABLE, code);
        }
        assertEquals(0, casesFor(provNorth, "plain-1"));
    }

    // 1. A plan pushed "from local-1" by another process was accepted and opened a review case.
    @Test
    void processWithoutCertificate_cannotPushAPlanInALocalsName() {
        try (var intruder = Intruder.withoutCertificate(provNorth.grpcPort())) {
            var code = codeOf(() -> intruder.push("city-a", Intruder.planEnvelope("city-a", 1, "nocert-1", "Plan without certificate")));
            assertEquals(Status.Code.UNAUTHENTICATED, code);
        }
        assertEquals(0, casesFor(provNorth, "nocert-1"));
        assertRefusalRecorded(provNorth, "CALL", "client certificate");
    }

    // 3. A node id that nobody enrolled opened review cases.
    @Test
    void strangerWithACertificateOfItsOwnMaking_isRefusedAtTheHandshake() {
        try (var intruder = Intruder.withSelfMadeCertificate(provNorth.grpcPort(), "city-z", "prov-north")) {
            var code = codeOf(() -> intruder.push("city-z", Intruder.planEnvelope("city-z", 1, "stranger-1", "Stranger's plan")));
            assertTrue(Set.of(Status.Code.UNAVAILABLE, Status.Code.UNAUTHENTICATED).contains(code), code.toString());
        }
        assertEquals(0, casesFor(provNorth, "stranger-1"));
        assertRefusalRecorded(provNorth, "TLS_HANDSHAKE", "client certificate refused");
    }

    @Test
    void strangerWithoutAToken_cannotEnrol() {
        try (var intruder = Intruder.withoutCertificate(provNorth.grpcPort())) {
            var code = codeOf(() -> intruder.enrol("made-up-token", "city-z"));
            assertEquals(Status.Code.PERMISSION_DENIED, code);
        }
        assertRefusalRecorded(provNorth, "ENROLMENT", "unknown enrolment token");
    }

    @Test
    void enrolmentToken_isUsableOnceOnly_andOnlyByTheNodeItNames() {
        var token = (String) provNorth.postJson("OPERATOR", "/api/v1/trust/enrolment-tokens",
                Map.of("nodeId", "city-d", "role", "LOCAL")).get("token");
        try (var intruder = Intruder.withoutCertificate(provNorth.grpcPort())) {
            assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> intruder.enrol(token, "city-e")));
            assertEquals(4, intruder.enrol(token, "city-d").getChainCount(), "city-d, prov-north, central, the root");
            assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> intruder.enrol(token, "city-d")));
        }
        assertRefusalRecorded(provNorth, "ENROLMENT", "issued for city-d, not for city-e");
        assertRefusalRecorded(provNorth, "ENROLMENT", "already used");
    }

    // 1, 2 and 4: an enrolled node speaking in another node's name.
    @Test
    void siblingLocal_cannotPushEnvelopesInAnotherLocalsName() {
        try (var cityBKey = Intruder.as(cityB, provNorth.grpcPort())) {
            var unsigned = Intruder.planEnvelope("city-a", 1, "sibling-1", "Plan forged by a sibling");
            var signedByB = Intruder.sealedBy(cityB, Intruder.planEnvelope("city-a", 2, "sibling-2", "Plan forged by a sibling"));
            var acks = cityBKey.push("city-a", List.of(unsigned, signedByB)).getAcksList();
            assertEquals(List.of(EnvelopeAck.Result.REJECTED, EnvelopeAck.Result.REJECTED), acks.stream().map(EnvelopeAck::getResult).toList());
            assertTrue(acks.get(0).getReason().contains("not signed by its origin"), acks.get(0).getReason());
            assertTrue(acks.get(1).getReason().contains("signed by city-b"), acks.get(1).getReason());
        }
        assertEquals(0, casesFor(provNorth, "sibling-1") + casesFor(provNorth, "sibling-2"));
        assertRefusalRecorded(provNorth, "ENVELOPE", "city-b", "not signed by its origin");
    }

    @Test
    void localOfAnotherProvince_cannotCallThisProvince() {
        try (var countyCKey = Intruder.as(countyC, provNorth.grpcPort())) {
            var envelope = Intruder.sealedBy(countyC, Intruder.planEnvelope("county-c", 1, "foreign-1", "Plan from another province"));
            assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> countyCKey.push("county-c", envelope)));
            assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> countyCKey.pull("county-c")));
        }
        assertEquals(0, casesFor(provNorth, "foreign-1"));
        assertRefusalRecorded(provNorth, "CALL", "county-c", "not a child of prov-north");
    }

    // 5. Pulling as local-1 returned local-1's decisions, catalogue and keys.
    @Test
    void enrolledLocal_cannotPullAnotherLocalsFeed() {
        try (var cityBKey = Intruder.as(cityB, provNorth.grpcPort())) {
            assertEquals(Status.Code.PERMISSION_DENIED, codeOf(() -> cityBKey.pull("city-a")));
        }
        assertRefusalRecorded(provNorth, "PULL", "city-b may pull only its own feed");
    }

    // 6. Pulling as any made-up id returned the whole catalogue.
    @Test
    void madeUpNode_cannotPullAnything() {
        try (var intruder = Intruder.withoutCertificate(provNorth.grpcPort())) {
            assertEquals(Status.Code.UNAUTHENTICATED, codeOf(() -> intruder.pull("made-up")));
        }
        try (var intruder = Intruder.withSelfMadeCertificate(central.grpcPort(), "made-up", "central")) {
            var code = codeOf(() -> intruder.pull("made-up"));
            assertTrue(Set.of(Status.Code.UNAVAILABLE, Status.Code.UNAUTHENTICATED).contains(code), code.toString());
        }
        assertRefusalRecorded(central, "TLS_HANDSHAKE");
    }

    // 7. A captured envelope, re-sent with a new sequence number and changed content, opened a case.
    @Test
    void capturedEnvelope_alteredAndResent_isRefusedByItsSignature() {
        var genuine = Intruder.sealedBy(cityA, Intruder.planEnvelope("city-a", 5_000, "captured-1", "Genuine plan"));
        var altered = genuine.toBuilder().setSeq(5_001)
                .setPlanSubmitted(genuine.getPlanSubmitted().toBuilder().setPlanId("captured-2").setTitle("Altered plan")).build();
        try (var cityAKey = Intruder.as(cityA, provNorth.grpcPort())) {
            var ack = cityAKey.push("city-a", altered).getAcks(0);
            assertEquals(EnvelopeAck.Result.REJECTED, ack.getResult());
            assertTrue(ack.getReason().contains("signature does not match"), ack.getReason());
        }
        assertEquals(0, casesFor(provNorth, "captured-2"));
        assertRefusalRecorded(provNorth, "ENVELOPE", "signature does not match");
    }

    // 9. Bodiless envelopes claimed local-1's next sequence numbers; its next real plan was taken for a duplicate.
    @Test
    void envelopesClaimingALocalsSequenceNumbers_doNotStopItsRealPlan() {
        List<org.preconsult.federation.v1.Envelope> squatters = new ArrayList<>();
        for (long seq = 1; seq <= 300; seq++) {
            squatters.add(org.preconsult.federation.v1.Envelope.newBuilder().setOriginNode("city-a").setSeq(seq).build());
        }
        try (var cityBKey = Intruder.as(cityB, provNorth.grpcPort())) {
            var acks = cityBKey.push("city-b", squatters).getAcksList();
            assertTrue(acks.stream().allMatch(a -> a.getResult() == EnvelopeAck.Result.REJECTED));
        }
        assertEquals(0, provNorth.count("SELECT COUNT(*) FROM inbox WHERE origin_node = 'city-a' AND origin_seq > 200"));

        var draft = cityA.postJson("COORDINATOR", "/api/v1/plans", PlanFixture.completePlan("Real plan after squatting"));
        String planId = (String) draft.get("id");
        cityA.postJson("COORDINATOR", "/api/v1/plans/" + planId + "/submission", Map.of());
        FederationFixture.await("city-a's real plan has a case at its province or at central", Duration.ofSeconds(30),
                () -> casesFor(provNorth, planId) + casesFor(central, planId) > 0);
    }

    // Found as well: an envelope too large for the parent's columns was answered UNAVAILABLE and resent forever.
    @Test
    void poisonEnvelopes_areRejectedWithTheirReason_andNeverBlockWhatFollows() {
        var huge = Intruder.planEnvelope("city-a", 7_000, "poison-huge", "Huge plan");
        huge = huge.toBuilder().setPlanSubmitted(huge.getPlanSubmitted().toBuilder().setPurpose("x".repeat(1_200_000))).build();
        var tooLong = Intruder.planEnvelope("city-a", 7_001, "poison-long", "T".repeat(600));
        var bodiless = org.preconsult.federation.v1.Envelope.newBuilder().setOriginNode("city-a").setSeq(7_002).build();
        var fine = Intruder.planEnvelope("city-a", 7_003, "poison-after", "A plan behind the poison");
        try (var cityAKey = Intruder.as(cityA, provNorth.grpcPort())) {
            var acks = cityAKey.push("city-a", List.of(Intruder.sealedBy(cityA, huge), Intruder.sealedBy(cityA, tooLong),
                    Intruder.sealedBy(cityA, bodiless), Intruder.sealedBy(cityA, fine))).getAcksList();
            assertEquals(List.of(EnvelopeAck.Result.REJECTED, EnvelopeAck.Result.REJECTED, EnvelopeAck.Result.REJECTED,
                    EnvelopeAck.Result.ACCEPTED), acks.stream().map(EnvelopeAck::getResult).toList(), acks.toString());
            assertTrue(acks.get(0).getReason().contains("at most"), acks.get(0).getReason());
            assertTrue(acks.get(1).getReason().contains("cannot be stored here"), acks.get(1).getReason());
        }
        assertRefusalRecorded(provNorth, "ENVELOPE", "(city-a, 7000)", "at most");
        assertRefusalRecorded(provNorth, "ENVELOPE", "(city-a, 7001)", "cannot be stored here");
        assertTrue(provNorth.text("SELECT reason FROM inbox WHERE origin_node = 'city-a' AND origin_seq = 7002 AND result = 'REJECTED'")
                .contains("unreadable"));
    }

    // A compromised province (valid certificate) forges a local's plan, alters one in transit.
    @Test
    void compromisedProvince_cannotForgeOrAlterALocalsPlanOnItsWayToCentral() {
        try (var provinceKey = Intruder.as(provNorth, central.grpcPort())) {
            var signedByProvince = Intruder.sealedBy(provNorth, Intruder.planEnvelope("city-a", 6_000, "province-forged-1", "Forged by the province"));
            var genuine = Intruder.sealedBy(cityA, Intruder.planEnvelope("city-a", 6_001, "province-altered-1", "Genuine plan"));
            var altered = genuine.toBuilder().setPlanSubmitted(genuine.getPlanSubmitted().toBuilder().setBudget("1")).build();
            var acks = provinceKey.push("prov-north", List.of(signedByProvince, altered)).getAcksList();
            assertEquals(EnvelopeAck.Result.REJECTED, acks.get(0).getResult());
            assertTrue(acks.get(0).getReason().contains("signed by prov-north"), acks.get(0).getReason());
            assertEquals(EnvelopeAck.Result.REJECTED, acks.get(1).getResult());
            assertTrue(acks.get(1).getReason().contains("signature does not match"), acks.get(1).getReason());

            // A province cannot speak for a local of another province either, even with that local's genuine seal.
            var otherProvinces = Intruder.sealedBy(countyC, Intruder.planEnvelope("county-c", 6_002, "province-foreign-1", "Foreign plan"));
            var ack = provinceKey.push("prov-north", otherProvinces).getAcks(0);
            assertEquals(EnvelopeAck.Result.REJECTED, ack.getResult());
            assertTrue(ack.getReason().contains("not in the subtree of prov-north"), ack.getReason());

            // The same attack path is real: a genuine, unaltered envelope relayed by the province is taken.
            var relayed = provinceKey.push("prov-north", genuine).getAcks(0);
            assertEquals(EnvelopeAck.Result.ACCEPTED, relayed.getResult(), relayed.getReason());
        }
        assertEquals(0, casesFor(central, "province-forged-1") + casesFor(central, "province-foreign-1"));
        assertRefusalRecorded(central, "ENVELOPE", "prov-north", "signature does not match");
    }

    // 8. An attacker introduced a new key "of the province" and the local trusted it.
    @Test
    void keyIntroducedByARelayInAnotherNodesName_isNeverTrusted() throws Exception {
        var generator = KeyPairGenerator.getInstance("Ed25519");
        var forgedPublic = generator.generateKeyPair().getPublic().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(forgedPublic, forgedPublic.length - 32, forgedPublic.length);
        var unsealed = NodeKey.newBuilder().setNodeId("central").setKeyId("central-forged-1").setAlgorithm("Ed25519")
                .setPublicKey(ByteString.copyFrom(raw)).setCreatedAtEpochMs(System.currentTimeMillis()).build();
        // The compromised province seals it with its own certificate: the seal names prov-north, not central.
        var sealedByProvince = provNorthSeal(unsealed.toBuilder().setKeyId("central-forged-2").build());
        TransactionOperations<?> tx = provNorth.context().getBean(TransactionOperations.class);
        tx.executeWrite(status -> {
            provNorth.context().getBean(Feed.class).publishKey(unsealed.toByteArray());
            provNorth.context().getBean(Feed.class).publishKey(sealedByProvince.toByteArray());
            return null;
        });
        FederationFixture.await("city-a refused both forged keys", Duration.ofSeconds(20),
                () -> cityA.count("SELECT COUNT(*) FROM rejected_item WHERE reason LIKE '%central-forged-%'") == 2);
        assertEquals(0, cityA.count("SELECT COUNT(*) FROM trusted_key WHERE key_id LIKE 'central-forged-%'"));
        assertTrue(cityA.count("SELECT COUNT(*) FROM trusted_key WHERE node_id = 'central'") >= 1,
                "central's real key, sealed by central's certificate, is trusted");
    }

    private static NodeKey provNorthSeal(NodeKey key) {
        var held = provNorth.context().getBean(org.preconsult.trust.application.NodeCertificate.class).require();
        var seal = org.preconsult.trust.infrastructure.Pki.sign(held.key(), key.toByteArray());
        var sealed = key.toBuilder().setOwnerSignature(ByteString.copyFrom(seal));
        for (var c : held.chain().subList(0, held.chain().size() - 1)) {
            sealed.addOwnerChain(ByteString.copyFrom(org.preconsult.trust.infrastructure.Pki.der(c)));
        }
        return sealed.build();
    }
}
