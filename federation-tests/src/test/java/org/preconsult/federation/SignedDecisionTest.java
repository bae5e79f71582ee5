package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.transaction.TransactionOperations;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.NodeKey;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.signing.model.Signature;
import org.preconsult.sync.application.Feed;

/**
 * Decisions are signed by the deciding node and verified by the node they are for, so a relay that
 * is compromised or faulty cannot approve a plan: the province's feed is written to directly, as a
 * relay that alters, forges, replays or misdirects decisions would, and the local node pulls those
 * items like any other. Each rejection is recorded with its reason for the operator, and the stream
 * goes on: a genuine decision queued behind a bad one is still applied.
 */
class SignedDecisionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    static FederationFixture federation;
    static FederationFixture.Node central;
    static FederationFixture.Node province;
    static FederationFixture.Node cityA;
    static FederationFixture.Node cityB;

    @BeforeAll
    static void startFederation() {
        federation = FederationFixture.standardTree();
        central = federation.node("central");
        province = federation.node("prov-north");
        cityA = federation.node("city-a");
        cityB = federation.node("city-b");
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    // ------------------------------------------------------------------------------------ scenarios

    @Test
    void decisionAlteredByTheRelay_isRejectedAsBadSignature_andNeverApproves() {
        String returned = submittedPlan(cityA, "Parking permits portal");
        String waiting = submittedPlan(cityA, "Street lighting maintenance tracker");
        decide(returned, "RETURN", "The budget breakdown is missing.");
        awaitStatus(cityA, returned, "RETURNED");
        SignedDecision genuine = genuineDecisionFor(returned);
        long seen = lastRejectionId(cityA);

        // The relay flips the outcome of the decision it carries, and re-points the same signed
        // bytes at a plan that still awaits its decision; the signature is kept as it was.
        DecisionContent original = content(genuine);
        SignedDecision flipped = withContent(genuine, original.toBuilder().setOutcome("UNCONDITIONAL_APPROVAL").build());
        SignedDecision repointed = withContent(genuine, original.toBuilder()
                .setDecisionId(UUID.randomUUID().toString()).setPlanId(waiting)
                .setOutcome("UNCONDITIONAL_APPROVAL").clearReasons().build());
        relayToLocal("city-a", flipped);
        relayToLocal("city-a", repointed);
        decide(waiting, "RETURN", "The maintenance contract is not attached.");

        awaitStatus(cityA, waiting, "RETURNED");
        assertOnlyDecision(cityA, waiting, "RETURN", "The maintenance contract is not attached.");
        assertOnlyDecision(cityA, returned, "RETURN", "The budget breakdown is missing.");
        var rejections = rejectionsAfter(cityA, seen);
        assertEquals(List.of("BAD_SIGNATURE", "BAD_SIGNATURE"), reasons(rejections));
        for (var r : rejections) {
            assertEquals("central", r.get("signerNode"));
            assertEquals(genuine.getKeyId(), r.get("keyId"));
            assertNull(r.get("decisionId"), "unverified content is not read, not even for the record");
        }
    }

    @Test
    void decisionForgedInCentralsName_isRejected_andNeverApproves() {
        String plan = submittedPlan(cityA, "Library loans self-service kiosks");
        long seen = lastRejectionId(cityA);
        KeyPair forger = newKeyPair();
        DecisionContent approval = DecisionContent.newBuilder()
                .setDecisionId(UUID.randomUUID().toString()).setCaseId(caseOf(plan)).setPlanId(plan).setPlanRevision(1)
                .setOriginNode("city-a").setDecidingNode("central").setOutcome("UNCONDITIONAL_APPROVAL")
                .addReasons("No overlap with registered systems.").setDecidedAtEpochMs(Instant.now().toEpochMilli())
                .setDecidedBy("reviewer@central").build();
        String forgedKeyId = "central-" + fingerprint(forger.getPublic().getEncoded());
        String centralsKeyId = activeKeyId(central);

        // Signed with a key nobody trusts, once under a key id of its own, once under central's real one.
        relayToLocal("city-a", signedBy(forger, approval, "central", forgedKeyId));
        relayToLocal("city-a", signedBy(forger, approval, "central", centralsKeyId));
        decide(plan, "RETURN", "The kiosk hardware is not specified.");

        awaitStatus(cityA, plan, "RETURNED");
        assertOnlyDecision(cityA, plan, "RETURN", "The kiosk hardware is not specified.");
        var rejections = rejectionsAfter(cityA, seen);
        assertEquals(List.of("UNKNOWN_KEY", "BAD_SIGNATURE"), reasons(rejections));
        assertEquals(forgedKeyId, rejections.get(0).get("keyId"));
        assertEquals(centralsKeyId, rejections.get(1).get("keyId"));
        assertTrue(rejections.stream().allMatch(r -> "central".equals(r.get("signerNode"))));
        assertFalse(trustedKeyIds(cityA).contains(forgedKeyId), "the forger's key was never trusted");
    }

    @Test
    void decisionDeliveredASecondTime_isRejectedAsReplayed_andThePlanShowsItOnce() {
        String decided = submittedPlan(cityA, "Cemetery plot register");
        String next = submittedPlan(cityA, "School enrolment portal");
        decide(decided, "RETURN", "The data retention period is missing.");
        awaitStatus(cityA, decided, "RETURNED");
        SignedDecision genuine = genuineDecisionFor(decided);
        long seen = lastRejectionId(cityA);

        relayToLocal("city-a", genuine);
        decide(next, "RETURN", "The enrolment rules are not described.");

        awaitStatus(cityA, next, "RETURNED");
        assertOnlyDecision(cityA, next, "RETURN", "The enrolment rules are not described.");
        var onlyOne = assertOnlyDecision(cityA, decided, "RETURN", "The data retention period is missing.");
        var rejections = rejectionsAfter(cityA, seen);
        assertEquals(List.of("REPLAYED"), reasons(rejections));
        assertEquals(content(genuine).getDecisionId(), rejections.get(0).get("decisionId"));
        assertEquals(content(genuine).getDecisionId(), onlyOne.get("decisionId"));
        assertEquals(1, cityA.count("SELECT COUNT(*) FROM plan_decision WHERE plan_id = ?", decided));
    }

    @Test
    void decisionForCityA_sentToCityB_isRejectedThereAsMisaddressed() {
        String ofCityA = submittedPlan(cityA, "Waste collection route planner");
        String ofCityB = submittedPlan(cityB, "Sports hall booking system");
        decide(ofCityA, "RETURN", "The route data source is not named.");
        awaitStatus(cityA, ofCityA, "RETURNED");
        SignedDecision genuine = genuineDecisionFor(ofCityA);
        long seen = lastRejectionId(cityB);

        relayToLocal("city-b", genuine);
        decide(ofCityB, "RETURN", "The booking rules are not described.");

        awaitStatus(cityB, ofCityB, "RETURNED");
        assertOnlyDecision(cityB, ofCityB, "RETURN", "The booking rules are not described.");
        var rejections = rejectionsAfter(cityB, seen);
        assertEquals(List.of("MISADDRESSED"), reasons(rejections));
        assertEquals(content(genuine).getDecisionId(), rejections.get(0).get("decisionId"));
        assertEquals(0, cityB.count("SELECT COUNT(*) FROM plan_decision WHERE decision_id = ?",
                content(genuine).getDecisionId()));
        assertOnlyDecision(cityA, ofCityA, "RETURN", "The route data source is not named.");
    }

    @Test
    void afterCentralRotatesItsKey_newDecisionsAreVerifiedWithTheNewKey_andEarlierOnesRemain() {
        String before = submittedPlan(cityA, "Dog licence register");
        String after = submittedPlan(cityA, "Public toilet map");
        decide(before, "RETURN", "The licence fee rules are missing.");
        awaitStatus(cityA, before, "RETURNED");
        String oldKeyId = (String) assertOnlyDecision(cityA, before, "RETURN", "The licence fee rules are missing.")
                .get("signerKeyId");
        long seen = lastRejectionId(cityA);

        var rotated = central.postJson("OPERATOR", "/api/v1/node/keys/rotate", Map.of());
        String newKeyId = (String) rotated.get("keyId");
        assertNotEquals(oldKeyId, newKeyId);
        decide(after, "UNCONDITIONAL_APPROVAL", "No overlap with registered systems.");

        awaitStatus(cityA, after, "APPROVED");
        var approval = assertOnlyDecision(cityA, after, "UNCONDITIONAL_APPROVAL", "No overlap with registered systems.");
        assertEquals(newKeyId, approval.get("signerKeyId"));
        assertTrue(trustedKeyIds(cityA).containsAll(List.of(oldKeyId, newKeyId)), "city-a trusts both of central's keys");
        var earlier = assertOnlyDecision(cityA, before, "RETURN", "The licence fee rules are missing.");
        assertEquals(oldKeyId, earlier.get("signerKeyId"));
        assertEquals(List.of(), rejectionsAfter(cityA, seen));
    }

    @Test
    void localOfflineWhileCentralRotates_stillAppliesTheDecisionSignedWithTheRetiredKey() {
        String signedBefore = submittedPlan(cityA, "Graffiti removal requests");
        String signedAfter = submittedPlan(cityA, "Tree planting register");
        federation.stop("city-a");
        decide(signedBefore, "RETURN", "The contractor arrangements are missing.");
        String retiredKeyId = genuineDecisionFor(signedBefore).getKeyId();
        String newKeyId = (String) central.postJson("OPERATOR", "/api/v1/node/keys/rotate", Map.of()).get("keyId");
        decide(signedAfter, "UNCONDITIONAL_APPROVAL", "No overlap with registered systems.");

        cityA = federation.restart("city-a");

        awaitStatus(cityA, signedBefore, "RETURNED");
        awaitStatus(cityA, signedAfter, "APPROVED");
        assertEquals(retiredKeyId,
                assertOnlyDecision(cityA, signedBefore, "RETURN", "The contractor arrangements are missing.").get("signerKeyId"));
        assertEquals(newKeyId,
                assertOnlyDecision(cityA, signedAfter, "UNCONDITIONAL_APPROVAL", "No overlap with registered systems.")
                        .get("signerKeyId"));
    }

    @Test
    void relayReplacingCentralsKeyBytes_isRefused_andDecisionsSignedWithItAreRejected() {
        String plan = submittedPlan(cityA, "Noise complaint hotline");
        long seen = lastRejectionId(cityA);
        String centralsKeyId = activeKeyId(central);
        KeyPair forger = newKeyPair();
        var substitute = NodeKey.newBuilder().setNodeId("central").setKeyId(centralsKeyId).setAlgorithm("Ed25519")
                .setPublicKey(ByteString.copyFrom(forger.getPublic().getEncoded()))
                .setCreatedAtEpochMs(Instant.now().toEpochMilli()).build();
        DecisionContent approval = DecisionContent.newBuilder()
                .setDecisionId(UUID.randomUUID().toString()).setCaseId(caseOf(plan)).setPlanId(plan).setPlanRevision(1)
                .setOriginNode("city-a").setDecidingNode("central").setOutcome("UNCONDITIONAL_APPROVAL")
                .setDecidedAtEpochMs(Instant.now().toEpochMilli()).build();

        // The relay offers other bytes under central's key id, then a decision signed with them.
        inProvincesFeed(feed -> feed.publishKey(substitute.toByteArray()));
        relayToLocal("city-a", signedBy(forger, approval, "central", centralsKeyId));
        decide(plan, "RETURN", "The call handling process is not described.");

        awaitStatus(cityA, plan, "RETURNED");
        assertOnlyDecision(cityA, plan, "RETURN", "The call handling process is not described.");
        assertEquals(List.of("BAD_SIGNATURE"), reasons(rejectionsAfter(cityA, seen)));
        String centralsPublicKey = keys(central, "/api/v1/node/keys").stream()
                .filter(k -> centralsKeyId.equals(k.get("keyId"))).map(k -> k.get("publicKey")).findFirst().orElseThrow()
                .toString();
        assertEquals(List.of(centralsPublicKey), keys(cityA, "/api/v1/node/trusted-keys").stream()
                .filter(k -> centralsKeyId.equals(k.get("keyId"))).map(k -> k.get("publicKey")).toList(),
                "city-a keeps central's key id pinned to central's own bytes");
    }

    @Test
    void relayResigningADecisionWithItsOwnKey_isRejectedAsSignerMismatch() {
        String plan = submittedPlan(cityA, "Market stall allocation");
        long seen = lastRejectionId(cityA);
        DecisionContent approval = DecisionContent.newBuilder()
                .setDecisionId(UUID.randomUUID().toString()).setCaseId(caseOf(plan)).setPlanId(plan).setPlanRevision(1)
                .setOriginNode("city-a").setDecidingNode("central").setOutcome("UNCONDITIONAL_APPROVAL")
                .setDecidedAtEpochMs(Instant.now().toEpochMilli()).build();

        // The province holds a key city-a trusts, but it is not the deciding node.
        relayToLocal("city-a", province.context().getBean(SignedDecisions.class).sign(approval));
        decide(plan, "RETURN", "The stall fee schedule is missing.");

        awaitStatus(cityA, plan, "RETURNED");
        assertOnlyDecision(cityA, plan, "RETURN", "The stall fee schedule is missing.");
        var rejections = rejectionsAfter(cityA, seen);
        assertEquals(List.of("SIGNER_MISMATCH"), reasons(rejections));
        assertEquals("prov-north", rejections.get(0).get("signerNode"));
        assertEquals(approval.getDecisionId(), rejections.get(0).get("decisionId"));
    }

    // ------------------------------------------------------------------------------------ helpers

    /** A complete plan submitted at the local node, once central has opened its review case. */
    private static String submittedPlan(FederationFixture.Node local, String title) {
        String id = (String) local.postJson("COORDINATOR", "/api/v1/plans", PlanFixture.completePlan(title)).get("id");
        local.postJson("COORDINATOR", "/api/v1/plans/" + id + "/submission", Map.of());
        FederationFixture.await("plan '" + title + "' has a review case at central", DEADLINE,
                () -> central.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", id) == 1);
        return id;
    }

    private static String caseOf(String planId) {
        return java.util.Objects.requireNonNull(central.text("SELECT id FROM review_case WHERE plan_id = ?", planId));
    }

    private static void decide(String planId, String outcome, String reason) {
        central.postJson("REVIEWER", "/api/v1/review-cases/" + caseOf(planId) + "/decision",
                PlanFixture.decision(outcome, reason));
    }

    private static Map<String, Object> plan(FederationFixture.Node local, String planId) {
        return local.getJson("COORDINATOR", "/api/v1/plans/" + planId);
    }

    private static void awaitStatus(FederationFixture.Node local, String planId, String status) {
        FederationFixture.await("plan " + planId + " is " + status + " at " + local.id(), DEADLINE,
                () -> status.equals(plan(local, planId).get("status")));
    }

    /** Asserts the plan holds exactly one decision, with this outcome and reason; returns it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> assertOnlyDecision(FederationFixture.Node local, String planId, String outcome,
                                                         String reason) {
        var decisions = (List<Map<String, Object>>) plan(local, planId).get("decisions");
        assertEquals(1, decisions.size(), "decisions of plan " + planId + ": " + decisions);
        assertEquals(outcome, decisions.get(0).get("outcome"));
        // The reviewer's reason comes first; a departure from the recommendation adds its own line.
        assertEquals(reason, ((List<?>) decisions.get(0).get("reasons")).get(0));
        assertEquals("central", decisions.get(0).get("decidingNode"));
        return decisions.get(0);
    }

    /** The signed decision central queued for the plan, exactly as it left central. */
    private static SignedDecision genuineDecisionFor(String planId) {
        for (byte[] payload : central.column("SELECT payload FROM feed WHERE body_type = 'DECISION' ORDER BY position", ResultSet::getBytes)) {
            SignedDecision decision = parse(payload).getDecision();
            if (content(decision).getPlanId().equals(planId)) {
                return decision;
            }
        }
        throw new AssertionError("central queued no decision for plan " + planId);
    }

    /** What a compromised relay does: put an item in the province's feed for one of its locals. */
    private static void relayToLocal(String address, SignedDecision decision) {
        inProvincesFeed(feed -> feed.address(address, content(decision).getPlanId(), content(decision).getPlanRevision(), decision.toByteArray()));
    }

    private static void inProvincesFeed(Consumer<Feed> write) {
        var context = province.context();
        Feed feed = context.getBean(Feed.class);
        TransactionOperations<Connection> tx = context.getBean(Argument.of(TransactionOperations.class, Connection.class));
        tx.executeWrite(status -> {
            write.accept(feed);
            return null;
        });
    }

    private static SignedDecision withContent(SignedDecision signed, DecisionContent content) {
        return signed.toBuilder().setContent(content.toByteString()).build();
    }

    private static SignedDecision signedBy(KeyPair keys, DecisionContent content, String signer, String keyId) {
        try {
            var signature = java.security.Signature.getInstance("Ed25519");
            signature.initSign(keys.getPrivate());
            signature.update(content.toByteArray());
            return SignedDecisions.wrap(content.toByteArray(), new Signature(signer, keyId, "Ed25519", signature.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fingerprint(byte[] x509) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(x509), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DecisionContent content(SignedDecision decision) {
        try {
            return DecisionContent.parseFrom(decision.getContent());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FeedItem parse(byte[] payload) {
        try {
            return FeedItem.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String activeKeyId(FederationFixture.Node node) {
        return keys(node, "/api/v1/node/keys").stream().filter(k -> Boolean.TRUE.equals(k.get("active")))
                .map(k -> (String) k.get("keyId")).findFirst().orElseThrow();
    }

    private static List<String> trustedKeyIds(FederationFixture.Node node) {
        return keys(node, "/api/v1/node/trusted-keys").stream().map(k -> (String) k.get("keyId")).toList();
    }

    private static List<Map<String, Object>> keys(FederationFixture.Node node, String uri) {
        return node.http().retrieve(node.as("OPERATOR", HttpRequest.GET(uri)),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    /** Rejections the operator sees at the node, oldest first. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rejections(FederationFixture.Node node) {
        var page = node.getJson("OPERATOR", "/api/v1/node/rejected-decisions?size=500");
        var items = new ArrayList<>((List<Map<String, Object>>) page.get("items"));
        java.util.Collections.reverse(items);
        return items;
    }

    private static long lastRejectionId(FederationFixture.Node node) {
        return rejections(node).stream().mapToLong(r -> ((Number) r.get("id")).longValue()).max().orElse(0);
    }

    private static List<Map<String, Object>> rejectionsAfter(FederationFixture.Node node, long id) {
        return rejections(node).stream().filter(r -> ((Number) r.get("id")).longValue() > id).toList();
    }

    private static List<String> reasons(List<Map<String, Object>> rejections) {
        return rejections.stream().map(r -> (String) r.get("reason")).toList();
    }
}
