package org.preconsult.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.federation.v1.CatalogueEntry;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.node.NodeRole;
import org.preconsult.testing.Eventually;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.ScriptedParent;

/**
 * A local node reading its parent's feed, with the parent played by the test over the wire: an item
 * it cannot apply is recorded as rejected and the cursor moves past it (one bad item does not stop
 * the stream, and /health shows it), and a decision for a revision the plan does not have is refused
 * while the decision for its current revision is applied.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedFromTheParentTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ScriptedParent parent = new ScriptedParent(NodeRole.LOCAL);

    @Inject
    NodeClient api;

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



    private long rejectedItems() {
        return ((Number) api.health().get("rejectedItems")).longValue();
    }

    private static FeedItem entry(String id, String kind) {
        return FeedItem.newBuilder().setCatalogueEntry(CatalogueEntry.newBuilder().setId(id).setKind(kind)
                .setOwner("Ministry").setName("Entry " + id).setDescription("Residents book sports halls online.")
                .setStatus("OPERATING").setOriginNode(ScriptedParent.ID).setVersion(1)).build();
    }

    private int entryStatus(String id) {
        return api.send(HttpRequest.GET("/api/v1/catalogue/entries/" + id), "AUDITOR").status();
    }

    @Test
    void itemTheNodeCannotRead_isRecordedRejected_theCursorMovesOn_andTheNextItemIsApplied() {
        long rejectedBefore = rejectedItems();
        long bad = parent.offer(entry("central:system:unreadable", "NO_SUCH_KIND"));
        long good = parent.offer(entry("central:system:after-the-bad-one", "EXISTING_SYSTEM"));

        Eventually.until(PATIENCE, "the cursor passes both items", () -> api.feedCursor() >= good);

        assertEquals(200, entryStatus("central:system:after-the-bad-one"), "the item behind the bad one is applied");
        assertEquals(404, entryStatus("central:system:unreadable"));
        assertEquals(rejectedBefore + 1, rejectedItems(), "the bad item at position " + bad + " is counted on /health");
    }

    @Test
    @SuppressWarnings("unchecked")
    void decisionForARevisionThePlanDoesNotHave_isRefused_andTheDecisionForItsRevisionIsApplied() {
        var plan = NodeFixture.completePlan("Sports hall booking",
                "Residents book municipal sports halls online and pay the fee at once.", 20_000_000);
        String id = (String) api.send(HttpRequest.POST("/api/v1/plans", plan), "COORDINATOR").json().get("id");
        var submitted = api.send(HttpRequest.POST("/api/v1/plans/" + id + "/submission", Map.of()), "COORDINATOR");
        assertEquals(200, submitted.status(), submitted.json().toString());
        assertEquals(1, submitted.json().get("revision"));
        Eventually.until(PATIENCE, "the submission reaches the parent", () -> !parent.received(
                e -> e.hasPlanSubmitted() && e.getPlanSubmitted().getPlanId().equals(id)).isEmpty());
        long rejectedBefore = rejectedItems();

        long stale = parent.offer(parent.decision(decision(id, 2, "decision-for-revision-2")));
        Eventually.until(PATIENCE, "the cursor passes the decision", () -> api.feedCursor() >= stale);
        var afterStale = api.send(HttpRequest.GET("/api/v1/plans/" + id), "COORDINATOR").json();
        assertEquals("SUBMITTED", afterStale.get("status"), "a decision on another revision changes nothing");
        assertEquals(rejectedBefore + 1, rejectedItems());

        parent.offer(parent.decision(decision(id, 1, "decision-for-revision-1")));
        var approved = Eventually.await(PATIENCE, "the decision on revision 1 is applied", () -> {
            var now = api.send(HttpRequest.GET("/api/v1/plans/" + id), "COORDINATOR").json();
            return "APPROVED".equals(now.get("status")) ? now : null;
        });
        assertNotNull(approved);
        assertEquals(rejectedBefore + 1, rejectedItems(), "the applied decision is not counted as rejected");
    }

    private static DecisionContent decision(String planId, int revision, String decisionId) {
        return DecisionContent.newBuilder().setDecisionId(decisionId).setCaseId("case-" + decisionId).setPlanId(planId)
                .setPlanRevision(revision).setOriginNode(NodeFixture.NODE_ID).setOutcome("UNCONDITIONAL_APPROVAL")
                .addReasons("No catalogue entry overlaps strongly.").setDecidedAtEpochMs(Instant.now().toEpochMilli())
                .setDecidedBy("reviewer-at-central").build();
    }
}
