package org.preconsult.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.ForwardedReview;
import org.preconsult.federation.v1.PlanSummary;
import org.preconsult.node.NodeRole;
import org.preconsult.testing.Children;
import org.preconsult.testing.Eventually;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.ScriptedParent;

/**
 * Where a provincial node puts the plans of its cities, under its review settings: within the
 * threshold it decides itself; above it, without a budget (when NO_BUDGET is configured) and for
 * disaster or safety (when DISASTER_OR_SAFETY is configured) it forwards the plan with its
 * preliminary review to its parent, played by the test, which receives the forwarded review.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingAtProvinceTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CITY = "city-a";

    private final ScriptedParent central = new ScriptedParent(NodeRole.PROVINCIAL);
    private final AtomicLong seq = new AtomicLong();

    @Inject
    ApplicationContext context;
    @Inject
    NodeClient api;

    private Children children;

    @Override
    public Map<String, String> getProperties() {
        return central.nodeProperties("preconsult.review.central-threshold", "50000000",
                "preconsult.review.always-forward", "STANDARD_SYSTEM_OVERLAP,DISASTER_OR_SAFETY,NO_BUDGET",
                "preconsult.review.due", "30d", "preconsult.review.disaster-due", "10d");
    }

    @BeforeAll
    void enrolledWithCentral_andACityEnrolledHere() {
        children = central.enrolGrandchildren(context, NodeRole.LOCAL, CITY);
    }

    @AfterAll
    void stop() throws InterruptedException {
        central.close();
    }

    private static PlanSummary.Builder plan(String planId, String title, String budget) {
        return PlanSummary.newBuilder().setPlanId(planId).setRevision(1).setOwnerNode(CITY).setOwnerName("City A")
                .setTitle(title).setPurpose("Residents of City A use " + title.toLowerCase() + " online.")
                .addFunctions("online application").setBudget(budget).setPlannedStart("2027-01-01").setPlannedEnd("2027-12-31")
                .setPlatform("Web").setLanguage("en").setStatus("SUBMITTED")
                .setSubmittedAtEpochMs(Instant.now().toEpochMilli());
    }

    /** The city submits the plan to the province; returns the case the province holds for it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> submit(PlanSummary.Builder plan) {
        var envelope = Envelope.newBuilder().setOriginNode(CITY).setSeq(seq.incrementAndGet()).setOriginIncarnation("life-1")
                .setCreatedAtEpochMs(Instant.now().toEpochMilli()).setPlanSubmitted(plan).build();
        var ack = children.pushOwn(CITY, envelope);
        assertEquals(EnvelopeAck.Result.ACCEPTED, ack.getResult(), ack.getReason());
        var items = (List<Map<String, Object>>) api.send(HttpRequest.GET("/api/v1/review-cases?size=200"), "REVIEWER")
                .json().get("items");
        return items.stream().filter(c -> plan.getPlanId().equals(((Map<String, Object>) c.get("plan")).get("planId")))
                .findFirst().orElseThrow(() -> new AssertionError("no case for " + plan.getPlanId()));
    }

    private ForwardedReview forwardedToCentral(String planId) {
        return Eventually.await(PATIENCE, "central receives the forwarded review of " + planId, () -> central
                .received(e -> e.hasReviewForwarded() && e.getReviewForwarded().getPlan().getPlanId().equals(planId))
                .stream().findFirst().map(Envelope::getReviewForwarded).orElse(null));
    }

    @Test
    void planWithoutABudget_goesUpToCentral_sinceTheThresholdCannotBeApplied() {
        var held = submit(plan("plan-no-budget", "Bicycle parking map", ""));

        assertEquals("FORWARDED", held.get("status"));
        assertTrue(((String) held.get("routingReason")).startsWith("no budget stated"), (String) held.get("routingReason"));
        var forwarded = forwardedToCentral("plan-no-budget");
        assertEquals(NodeFixture.NODE_ID, forwarded.getReviewingNode());
        assertEquals(held.get("routingReason"), forwarded.getRoutingReason());
        assertEquals("", forwarded.getPlan().getBudget(), "the plan goes up as it came, without a budget");
    }

    @Test
    void disasterOrSafetyPlan_goesUpToCentral_evenWithinTheThreshold_andIsDueSooner() {
        var plan = plan("plan-disaster", "Landslide alerts", "10000000").setDisasterOrSafety(true);
        var held = submit(plan);

        assertEquals("FORWARDED", held.get("status"));
        assertTrue(((String) held.get("routingReason")).contains("disaster or safety"), (String) held.get("routingReason"));
        assertEquals(Instant.ofEpochMilli(plan.getSubmittedAtEpochMs()).plus(Duration.ofDays(10)),
                Instant.parse((String) held.get("dueAt")));
        assertTrue(forwardedToCentral("plan-disaster").getPlan().getDisasterOrSafety());
    }

    @Test
    void planAboveTheThreshold_goesUpToCentral() {
        var held = submit(plan("plan-above", "Tram ticket machines", "80000000"));

        assertEquals("FORWARDED", held.get("status"));
        assertTrue(((String) held.get("routingReason")).contains("above the provincial threshold of 50000000"),
                (String) held.get("routingReason"));
        assertEquals("plan-above", forwardedToCentral("plan-above").getPlan().getPlanId());
    }

    @Test
    void planWithinTheThreshold_isDecidedHere_dueInTheOrdinaryTime_andNotForwarded() {
        var plan = plan("plan-within", "Allotment garden waiting list", "10000000");
        var held = submit(plan);

        assertEquals("OPEN", held.get("status"));
        assertEquals("PROVINCIAL", held.get("decidingLevel"));
        assertTrue(((String) held.get("routingReason")).contains("within the provincial threshold"), (String) held.get("routingReason"));
        assertEquals(Instant.ofEpochMilli(plan.getSubmittedAtEpochMs()).plus(Duration.ofDays(30)),
                Instant.parse((String) held.get("dueAt")));
        var decided = api.send(HttpRequest.POST("/api/v1/review-cases/" + held.get("id") + "/decision",
                Map.of("outcome", "UNCONDITIONAL_APPROVAL", "reasons", List.of("No overlap in the province."))), "REVIEWER");
        assertEquals(200, decided.status(), decided.json().toString());

        // What goes up is the report of the decision taken here, never the plan for review.
        Eventually.until(PATIENCE, "central receives the report of the decision", () -> !central.received(
                e -> e.hasDecisionReported() && e.getDecisionReported().getPlanId().equals("plan-within")).isEmpty());
        assertTrue(central.received(e -> e.hasReviewForwarded()
                && e.getReviewForwarded().getPlan().getPlanId().equals("plan-within")).isEmpty());
    }
}
