package org.preconsult.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.NodeKey;
import org.preconsult.federation.v1.PlanSummary;
import org.preconsult.federation.v1.PullRequest;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.node.NodeRole;
import org.preconsult.testing.Children;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

/**
 * Review at central of plans its children submit over the federation port, decided through the
 * HTTP API: the due date from the node's review settings (shorter for disaster and safety), a
 * reason required to depart from the recommendation, conditions tracked until fulfilled or waived,
 * automatic decisions only at or above the operator's minimum confidence, and the decision arriving
 * back at the plan's owner signed with a key central published.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecidingAtCentralTest implements TestPropertyProvider {

    private static final String PROVINCE = "prov-a";
    private static final String OTHER_PROVINCE = "prov-c";

    @Inject
    ApplicationContext context;
    @Inject
    NodeClient api;

    private Children children;
    private final Map<String, Long> seqs = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties("CENTRAL", "preconsult.review.due", "21d", "preconsult.review.disaster-due", "7d",
                "preconsult.review.condition-due", "45d");
    }

    @BeforeAll
    void enrolProvinces() {
        children = Children.enrol(context, NodeRole.PROVINCIAL, PROVINCE, OTHER_PROVINCE);
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        children.close();
    }

    private static PlanSummary.Builder plan(String owner, String planId, String title, String purpose) {
        return PlanSummary.newBuilder().setPlanId(planId).setRevision(1).setOwnerNode(owner).setOwnerName("Province " + owner)
                .setTitle(title).setPurpose(purpose).addFunctions("online application").setBudget("80000000")
                .setPlannedStart("2027-01-01").setPlannedEnd("2027-12-31").setPlatform("Web").setLanguage("en")
                .setStatus("SUBMITTED").setSubmittedAtEpochMs(Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }

    /** The province submits its plan to central; returns the id of the case it opens. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> submit(String province, PlanSummary.Builder plan) {
        long seq = seqs.merge(province, 1L, Long::sum);
        var envelope = Envelope.newBuilder().setOriginNode(province).setSeq(seq).setOriginIncarnation("life-1")
                .setCreatedAtEpochMs(Instant.now().toEpochMilli()).setPlanSubmitted(plan).build();
        var ack = children.pushOwn(province, envelope);
        assertEquals(EnvelopeAck.Result.ACCEPTED, ack.getResult(), ack.getReason());
        var items = (List<Map<String, Object>>) api.send(HttpRequest.GET("/api/v1/review-cases?size=200"), "REVIEWER")
                .json().get("items");
        return items.stream().filter(c -> plan.getPlanId().equals(((Map<String, Object>) c.get("plan")).get("planId")))
                .findFirst().orElseThrow(() -> new AssertionError("no case for " + plan.getPlanId()));
    }

    private Map<String, Object> reviewCase(Object id) {
        return api.send(HttpRequest.GET("/api/v1/review-cases/" + id), "REVIEWER").json();
    }

    private Reply decide(Object caseId, Map<String, Object> decision) {
        return api.send(HttpRequest.POST("/api/v1/review-cases/" + caseId + "/decision", decision), "REVIEWER");
    }

    @SuppressWarnings("unchecked")
    private static String recommended(Map<String, Object> reviewCase) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) reviewCase.get("evidence")).get("recommendation")).get("outcome");
    }

    @Test
    void dueDate_isTheSubmissionPlusTheConfiguredTime_shorterForDisasterAndSafety() {
        var ordinary = plan(PROVINCE, "plan-due-ordinary", "Cemetery plot register", "Families find and rent cemetery plots.");
        var disaster = plan(PROVINCE, "plan-due-disaster", "Flood warning sirens", "Sirens warn residents of rising rivers.")
                .setDisasterOrSafety(true);
        var submittedAt = Instant.ofEpochMilli(ordinary.getSubmittedAtEpochMs());

        assertEquals(submittedAt.plus(Duration.ofDays(21)), Instant.parse((String) submit(PROVINCE, ordinary).get("dueAt")));
        assertEquals(Instant.ofEpochMilli(disaster.getSubmittedAtEpochMs()).plus(Duration.ofDays(7)),
                Instant.parse((String) submit(PROVINCE, disaster).get("dueAt")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void departingFromTheRecommendation_needsAReason_whichTheDecisionKeeps() {
        var opened = submit(PROVINCE, plan(PROVINCE, "plan-override", "Beach lifeguard rota",
                "Lifeguards plan their shifts on the beaches."));
        assertEquals("UNCONDITIONAL_APPROVAL", recommended(opened));

        var refused = decide(opened.get("id"), Map.of("outcome", "RETURN", "reasons", List.of("The budget table is missing.")));
        assertEquals(400, refused.status());
        var fields = ((List<Map<String, Object>>) refused.json().get("errors")).stream().map(e -> e.get("field")).toList();
        assertEquals(List.of("overrideReason"), fields);
        assertEquals("OPEN", reviewCase(opened.get("id")).get("status"), "the refused decision changes nothing");

        var decided = decide(opened.get("id"), Map.of("outcome", "RETURN", "reasons", List.of("The budget table is missing."),
                "overrideReason", "The application is incomplete."));
        assertEquals(200, decided.status(), decided.json().toString());
        assertEquals("The application is incomplete.", decided.json().get("overrideReason"));
        var reasons = (List<String>) ((Map<String, Object>) decided.json().get("decision")).get("reasons");
        assertTrue(reasons.stream().anyMatch(r -> r.contains("Departs from the recommended UNCONDITIONAL_APPROVAL")
                && r.contains("The application is incomplete.")), reasons.toString());

        var confirming = submit(PROVINCE, plan(PROVINCE, "plan-confirmed", "Snow plough routes", "Drivers see their snow routes."));
        assertEquals(200, decide(confirming.get("id"), Map.of("outcome", "UNCONDITIONAL_APPROVAL",
                "reasons", List.of("No overlap."))).status(), "following the recommendation needs no reason");
    }

    @Test
    @SuppressWarnings("unchecked")
    void conditionalApproval_carriesItsConditions_trackedUntilAReviewerWaivesOne() {
        var opened = submit(OTHER_PROVINCE, plan(OTHER_PROVINCE, "plan-conditions", "Market stall permits",
                "Traders apply for weekly market stalls."));
        var withoutConditions = decide(opened.get("id"), Map.of("outcome", "CONDITIONAL_APPROVAL",
                "reasons", List.of("Overlaps the stall system of another city."), "overrideReason", "Known overlap."));
        assertEquals(400, withoutConditions.status(), "a conditional approval names its conditions");

        var decided = decide(opened.get("id"), Map.of("outcome", "CONDITIONAL_APPROVAL",
                "reasons", List.of("Overlaps the stall system of another city."), "overrideReason", "Known overlap.",
                "conditions", List.of(Map.of("text", "Assess adopting the other city's stall system.", "dueDate", "2027-03-31"),
                        Map.of("text", "Inform the owner of every change."))));
        assertEquals(200, decided.status(), decided.json().toString());
        var decidedOn = LocalDate.ofInstant(Instant.parse((String) ((Map<String, Object>) decided.json().get("decision"))
                .get("decidedAt")), ZoneOffset.UTC);

        var conditions = ((List<Map<String, Object>>) api.send(HttpRequest.GET("/api/v1/conditions?size=200"), "REVIEWER")
                .json().get("items")).stream().filter(c -> "plan-conditions".equals(c.get("planId"))).toList();
        assertEquals(2, conditions.size());
        var dated = conditions.stream().filter(c -> ((String) c.get("text")).startsWith("Assess")).findFirst().orElseThrow();
        var undated = conditions.stream().filter(c -> ((String) c.get("text")).startsWith("Inform")).findFirst().orElseThrow();
        assertEquals("2027-03-31", dated.get("dueDate"));
        assertEquals(decidedOn.plusDays(45).toString(), undated.get("dueDate"), "no date given: the configured time to fulfil");
        assertTrue(conditions.stream().allMatch(c -> "OPEN".equals(c.get("status"))));

        var waived = api.send(HttpRequest.POST("/api/v1/conditions/" + undated.get("conditionId") + "/waiver",
                Map.of("reason", "The other city retired its system.")), "REVIEWER");
        assertEquals(200, waived.status(), waived.json().toString());
        assertEquals("WAIVED", waived.json().get("status"));
        assertEquals(409, api.send(HttpRequest.POST("/api/v1/conditions/" + undated.get("conditionId") + "/waiver",
                Map.of("reason", "Again.")), "REVIEWER").status(), "a waived condition is not waived twice");
        assertEquals(403, api.send(HttpRequest.POST("/api/v1/conditions/" + dated.get("conditionId") + "/waiver",
                Map.of("reason", "Not mine to waive.")), "COORDINATOR").status());

        var ofTheProvince = api.list(HttpRequest.GET("/api/v1/conditions/by-government"), "REVIEWER").stream()
                .filter(g -> OTHER_PROVINCE.equals(g.get("ownerNode"))).findFirst().orElseThrow();
        assertEquals(1, ofTheProvince.get("open"));
        assertEquals(1, ofTheProvince.get("waived"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void automaticDecision_takesOnlyClearCasesAtOrAboveTheOperatorsMinimumConfidence() {
        assertEquals(201, api.send(HttpRequest.POST("/api/v1/systems", Map.of("name", "Street light fault reports",
                "description", "Residents report broken street lights online and follow the repair.")), "COORDINATOR").status());
        var policy = api.send(HttpRequest.PUT("/api/v1/review-policy", Map.of("automaticDecisions", true, "minConfidence", 1.0)),
                "OPERATOR");
        assertEquals(200, policy.status(), policy.json().toString());
        try {
            var clear = submit(PROVINCE, plan(PROVINCE, "plan-automatic", "Orchestra ticket sales",
                    "Concert visitors buy orchestra tickets.").clearFunctions().addFunctions("seat reservation"));
            assertEquals("DECIDED", clear.get("status"), "nothing in the catalogue resembles it: " + clear.get("evidence"));
            var decision = (Map<String, Object>) clear.get("decision");
            assertEquals(true, decision.get("automatic"));
            assertEquals("UNCONDITIONAL_APPROVAL", decision.get("outcome"));

            var unsure = submit(PROVINCE, plan(PROVINCE, "plan-not-automatic", "Broken street bench reports",
                    "Residents report broken benches online."));
            var recommendation = (Map<String, Object>) ((Map<String, Object>) unsure.get("evidence")).get("recommendation");
            assertEquals("UNCONDITIONAL_APPROVAL", recommendation.get("outcome"), "a clear kind of case, " + recommendation);
            assertTrue(((Number) recommendation.get("confidence")).doubleValue() < 1.0, "but below the minimum: " + recommendation);
            assertEquals("OPEN", unsure.get("status"), "left to a reviewer");
        } finally {
            api.send(HttpRequest.PUT("/api/v1/review-policy", Map.of("automaticDecisions", false, "minConfidence", 0.9)), "OPERATOR");
        }
        var off = submit(PROVINCE, plan(PROVINCE, "plan-policy-off", "Ice rink opening hours", "Skaters see when rinks open."));
        assertEquals("OPEN", off.get("status"), "with automatic decisions off, every case waits for a reviewer");
    }

    @Test
    @SuppressWarnings("unchecked")
    void decisionMadeHere_reachesTheOwnersFeed_signedWithTheKeyCentralPublished() throws Exception {
        var opened = submit(OTHER_PROVINCE, plan(OTHER_PROVINCE, "plan-signed", "Parking fine appeals",
                "Drivers appeal parking fines online."));
        var decided = decide(opened.get("id"), Map.of("outcome", "UNCONDITIONAL_APPROVAL", "reasons", List.of("No overlap found.")));
        assertEquals(200, decided.status(), decided.json().toString());
        String decisionId = (String) ((Map<String, Object>) decided.json().get("decision")).get("decisionId");

        Map<String, NodeKey> keys = new HashMap<>();
        SignedDecision signed = null;
        var feed = children.stub(OTHER_PROVINCE).withDeadlineAfter(5, TimeUnit.SECONDS)
                .pull(PullRequest.newBuilder().setNodeId(OTHER_PROVINCE).build());
        try {
            while (signed == null && feed.hasNext()) {
                FeedItem item = feed.next();
                if (item.hasNodeKey()) {
                    keys.put(item.getNodeKey().getKeyId(), item.getNodeKey());
                }
                if (item.hasDecision() && DecisionContent.parseFrom(item.getDecision().getContent()).getDecisionId().equals(decisionId)) {
                    assertEquals(OTHER_PROVINCE, item.getAddress(), "addressed to the plan's owner");
                    signed = item.getDecision();
                }
            }
        } catch (StatusRuntimeException e) {
            throw new AssertionError("the decision did not come down the feed", e);
        }
        assertNotNull(signed, "the decision is in the owner's feed");
        assertEquals(NodeFixture.NODE_ID, signed.getSignerNode());
        var key = keys.get(signed.getKeyId());
        assertNotNull(key, "the signing key was published in the feed before the decision");
        assertEquals(NodeFixture.NODE_ID, key.getNodeId());

        var content = DecisionContent.parseFrom(signed.getContent());
        assertEquals("plan-signed", content.getPlanId());
        assertEquals(OTHER_PROVINCE, content.getOriginNode());
        assertEquals("UNCONDITIONAL_APPROVAL", content.getOutcome());
        assertEquals(List.of("No overlap found."), content.getReasonsList());
        assertTrue(verifies(key, signed.getContent().toByteArray(), signed), "the signature covers the content");
        var altered = content.toBuilder().setOutcome("DEFERRAL").build().toByteArray();
        assertFalse(verifies(key, altered, signed), "and nothing else");
    }

    private static boolean verifies(NodeKey key, byte[] content, SignedDecision signed) throws Exception {
        var publicKey = KeyFactory.getInstance(key.getAlgorithm()).generatePublic(new X509EncodedKeySpec(key.getPublicKey().toByteArray()));
        var verifier = Signature.getInstance(signed.getAlgorithm());
        verifier.initVerify(publicKey);
        verifier.update(content);
        return verifier.verify(signed.getSignature().toByteArray());
    }
}
