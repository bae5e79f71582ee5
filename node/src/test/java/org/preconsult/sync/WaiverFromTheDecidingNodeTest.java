package org.preconsult.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.federation.v1.Condition;
import org.preconsult.federation.v1.ConditionWaiver;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.node.NodeRole;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.testing.Eventually;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.ScriptedParent;

/**
 * A local node receiving a condition's waiver in its parent's feed, with the parent (the node that
 * imposed the condition) played by the test over the wire: a waiver signed by the condition's
 * deciding node is applied once and the plan's record goes up with the condition WAIVED; a waiver
 * signed by another trusted node, or altered after signing, is refused and counted; a fulfilled
 * condition stays fulfilled.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WaiverFromTheDecidingNodeTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ScriptedParent parent = new ScriptedParent(NodeRole.LOCAL);

    @Inject
    NodeClient api;

    @Inject
    SignedDecisions signing;

    @Override
    public Map<String, String> getProperties() {
        return parent.nodeProperties();
    }

    @BeforeAll
    void enrolledAndTrustingItsParentsKey() {
        long key = parent.offer(parent.nodeKey());
        Eventually.until(PATIENCE, "the node enrols and applies its parent's key", () -> api.feedCursor() >= key);
    }

    @AfterAll
    void stopParent() throws InterruptedException {
        parent.close();
    }

    @Test
    void waiverSignedByTheConditionsDecidingNode_isApplied_andTheRecordGoesUpWithWaived_andItsReplayChangesNothing() {
        String planId = conditionallyApprovedPlan("Waived booking", "cond-waived");
        long rejectedBefore = rejectedItems();

        var waiver = parent.waiver(waiver("waiver-1", "cond-waived", planId));
        long first = parent.offer(waiver);
        Eventually.until(PATIENCE, "the waiver is applied", () -> api.feedCursor() >= first);

        var waived = condition(planId, "cond-waived");
        assertEquals("WAIVED", waived.get("status"));
        assertEquals("The national platform now covers this.", waived.get("evidence"), "the reason is kept");
        assertEquals(rejectedBefore, rejectedItems());
        Eventually.until(PATIENCE, "the plan's record goes up with the condition waived",
                () -> recordsWithStatus(planId, "cond-waived", "WAIVED") == 1);

        long again = parent.offer(waiver);
        Eventually.until(PATIENCE, "the replay is read", () -> api.feedCursor() >= again);
        assertEquals(waived, condition(planId, "cond-waived"), "the replay changes nothing, not even the time");
        assertEquals(rejectedBefore, rejectedItems(), "a replay is not an error");
        assertEquals(1, recordsWithStatus(planId, "cond-waived", "WAIVED"), "no second record goes up");
    }

    @Test
    void waiverSignedByAnotherTrustedNode_isRefused_andCounted() {
        String planId = conditionallyApprovedPlan("Other signer booking", "cond-other-signer");
        long rejectedBefore = rejectedItems();

        // This node's own key is trusted here, but it did not impose the condition: its parent did.
        var content = waiver("waiver-2", "cond-other-signer", planId).toBuilder()
                .setDecidingNode(NodeFixture.NODE_ID).build();
        var forged = FeedItem.newBuilder().setAddress(NodeFixture.NODE_ID)
                .setConditionWaiver(signing.signWaiver(content)).build();
        long position = parent.offer(forged);
        Eventually.until(PATIENCE, "the waiver is read", () -> api.feedCursor() >= position);

        assertEquals("OPEN", condition(planId, "cond-other-signer").get("status"));
        assertEquals(rejectedBefore + 1, rejectedItems());
    }

    @Test
    void waiverAlteredAfterSigning_isRefused_andCounted() {
        String planId = conditionallyApprovedPlan("Altered waiver booking", "cond-altered");
        long rejectedBefore = rejectedItems();

        var signed = parent.waiver(waiver("waiver-3", "cond-altered", planId));
        var content = signed.getConditionWaiver().getContent().toByteArray();
        content[content.length - 1] ^= 1;
        var altered = signed.toBuilder().setConditionWaiver(signed.getConditionWaiver().toBuilder()
                .setContent(ByteString.copyFrom(content))).build();
        long position = parent.offer(altered);
        Eventually.until(PATIENCE, "the waiver is read", () -> api.feedCursor() >= position);

        assertEquals("OPEN", condition(planId, "cond-altered").get("status"));
        assertEquals(rejectedBefore + 1, rejectedItems());
    }

    @Test
    void waiverOfAFulfilledCondition_leavesItFulfilled() {
        String planId = conditionallyApprovedPlan("Fulfilled booking", "cond-fulfilled");
        var fulfilled = api.send(HttpRequest.POST("/api/v1/plans/" + planId + "/conditions/cond-fulfilled/fulfilment",
                Map.of("evidence", "Linked to the national platform on 1 March.")), "COORDINATOR");
        assertEquals(200, fulfilled.status(), fulfilled.json().toString());
        long rejectedBefore = rejectedItems();

        long position = parent.offer(parent.waiver(waiver("waiver-4", "cond-fulfilled", planId)));
        Eventually.until(PATIENCE, "the waiver is read", () -> api.feedCursor() >= position);

        assertEquals("FULFILLED", condition(planId, "cond-fulfilled").get("status"), "the applicant's fulfilment stands");
        assertEquals(rejectedBefore, rejectedItems());
    }

    private String conditionallyApprovedPlan(String title, String conditionId) {
        var plan = NodeFixture.completePlan(title, "Residents book municipal sports halls online and pay the fee at once.",
                20_000_000);
        String id = (String) api.send(HttpRequest.POST("/api/v1/plans", plan), "COORDINATOR").json().get("id");
        var submitted = api.send(HttpRequest.POST("/api/v1/plans/" + id + "/submission", Map.of()), "COORDINATOR");
        assertEquals(200, submitted.status(), submitted.json().toString());
        Eventually.until(PATIENCE, "the submission reaches the parent", () -> !parent.received(
                e -> e.hasPlanSubmitted() && e.getPlanSubmitted().getPlanId().equals(id)).isEmpty());
        parent.offer(parent.decision(DecisionContent.newBuilder().setDecisionId("decision-" + conditionId)
                .setCaseId("case-" + conditionId).setPlanId(id).setPlanRevision(1).setOriginNode(NodeFixture.NODE_ID)
                .setOutcome("CONDITIONAL_APPROVAL").addReasons("Link to the national platform.")
                .addConditions(Condition.newBuilder().setConditionId(conditionId)
                        .setText("Link the booking to the national platform.")
                        .setDueDate(LocalDate.now().minusDays(3).toString()))
                .setDecidedAtEpochMs(Instant.now().toEpochMilli()).setDecidedBy("reviewer-at-central").build()));
        Eventually.until(PATIENCE, "the conditional approval is applied", () -> "CONDITIONALLY_APPROVED".equals(
                api.send(HttpRequest.GET("/api/v1/plans/" + id), "COORDINATOR").json().get("status")));
        return id;
    }

    private static ConditionWaiver waiver(String waiverId, String conditionId, String planId) {
        return ConditionWaiver.newBuilder().setWaiverId(waiverId).setConditionId(conditionId)
                .setDecisionId("decision-" + conditionId).setPlanId(planId).setOwnerNode(NodeFixture.NODE_ID)
                .setDecidingNode(ScriptedParent.ID).setReason("The national platform now covers this.")
                .setWaivedAtEpochMs(Instant.now().toEpochMilli()).setWaivedBy("reviewer-at-central").build();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> condition(String planId, String conditionId) {
        var plan = api.send(HttpRequest.GET("/api/v1/plans/" + planId), "COORDINATOR").json();
        return ((List<Map<String, Object>>) plan.get("conditions")).stream()
                .filter(c -> conditionId.equals(c.get("conditionId"))).findFirst().orElseThrow();
    }

    private long recordsWithStatus(String planId, String conditionId, String status) {
        return parent.received((Envelope e) -> e.hasPlanRecordChanged()
                && e.getPlanRecordChanged().getPlanId().equals(planId)
                && e.getPlanRecordChanged().getConditionsList().stream()
                        .anyMatch(c -> c.getConditionId().equals(conditionId) && c.getStatus().equals(status))).size();
    }

    private long rejectedItems() {
        return ((Number) api.health().get("rejectedItems")).longValue();
    }
}
