package org.preconsult.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.federation.v1.AdoptionMessage;
import org.preconsult.federation.v1.BestPracticeMark;
import org.preconsult.federation.v1.CatalogueEntry;
import org.preconsult.federation.v1.CheckMatch;
import org.preconsult.federation.v1.ConditionUpdate;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.federation.v1.DecisionLine;
import org.preconsult.federation.v1.DecisionReport;
import org.preconsult.federation.v1.Deliverable;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.ForwardedReview;
import org.preconsult.federation.v1.PlanRecord;
import org.preconsult.federation.v1.PlanSummary;
import org.preconsult.federation.v1.PullRequest;
import org.preconsult.federation.v1.SystemSummary;
import org.preconsult.node.NodeRole;
import org.preconsult.testing.Children;
import org.preconsult.testing.Eventually;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.ScriptedParent;

/**
 * The wire form of every message a node passes on survives its trip through a real provincial
 * node: every kind of envelope a city pushes reaches the province's parent (played by the test) as
 * the city sent it (a plan, re-read into the province's forwarded review, with every field it
 * carries), and every kind of feed item the parent sends reaches the city as sent (a catalogue
 * entry and a best-practice mark re-encoded by the province, field for field). A new message type
 * in either oneof fails this test until it is added here.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireRoundTripTest implements TestPropertyProvider {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CITY = "city-w";
    private static final String NEIGHBOUR = "city-v";
    private static final long CREATED = 1_760_000_000_000L;

    private final ScriptedParent central = new ScriptedParent(NodeRole.PROVINCIAL);

    @Inject
    ApplicationContext context;
    @Inject
    NodeClient api;

    private Children children;

    @Override
    public Map<String, String> getProperties() {
        // Every plan of the city goes up, so that its summary comes out of the province again.
        return central.nodeProperties("preconsult.review.central-threshold", "0", "preconsult.sync.heartbeat", "300ms");
    }

    @BeforeAll
    void enrolledWithCentral_andACityEnrolledHere() {
        children = central.enrolGrandchildren(context, NodeRole.LOCAL, CITY, NEIGHBOUR);
    }

    @AfterAll
    void stop() throws InterruptedException {
        central.close();
    }

    /** An adoption message between two governments, as its origin writes it. */
    private static AdoptionMessage adoption(String from, String to, String kind) {
        return AdoptionMessage.newBuilder().setMessageId(from + ":m-1").setAdoptionId(from + ":a-1").setFromNode(from)
                .setFromName("Origin " + from).setToNode(to).setKind(kind).setEntryId(to + ":system:s-1")
                .setEntryName("Permit register").setText("We would like to adopt it.").setSentAtEpochMs(CREATED).build();
    }

    private static Envelope.Builder envelope(long seq) {
        return Envelope.newBuilder().setOriginNode(CITY).setSeq(seq).setOriginIncarnation("life-1").setCreatedAtEpochMs(CREATED);
    }

    private static PlanSummary plan(String planId) {
        return PlanSummary.newBuilder().setPlanId(planId).setRevision(2).setOwnerNode(CITY).setOwnerName("City W")
                .setTitle("Dog licence renewals").setPurpose("Owners renew dog licences online.")
                .addFunctions("renewal").addFunctions("payment").setFunctionCode("LIC-07").setBudget("12345678.50")
                .setPlannedStart("2027-01-01").setPlannedEnd("2027-06-30").setPlatform("Java").setLanguage("en")
                .setDisasterOrSafety(false).setStatus("SUBMITTED").setSubmittedAtEpochMs(CREATED - 5_000)
                .setPreviousCaseId("case-of-revision-1").build();
    }

    private static CatalogueEntry entry(String id, String origin, String kind, String status, String budget) {
        return CatalogueEntry.newBuilder().setId(id).setKind(kind).setOwner("Owner of " + id).setName("Entry " + id)
                .setDescription("Residents book " + id + " online.").addFunctions("booking").addFunctions("reminders")
                .setFunctionCode("BK-1").setLanguage("en").setStatus(status).setBudget(budget).setOriginNode(origin)
                .setVersion(3).build();
    }

    /** One envelope of each kind the city may push, except the plan submission (asserted on its own). */
    private static List<Envelope> relayedAsTheyAre() {
        return List.of(
                envelope(2).setSystemRegistered(SystemSummary.newBuilder().setSystemId("sys-1").setVersion(4).setOwnerNode(CITY)
                        .setOwnerName("City W").setName("Dog register").setDescription("Keeps the dogs of the city.")
                        .addFunctions("register").setFunctionCode("REG-1").setPlatform(".NET").setStatus("OPERATING")
                        .setGoLiveYear(2019).setLanguage("en")).build(),
                envelope(3).setCatalogueEntryAnnounced(entry(CITY + ":system:sys-2", CITY, "EXISTING_SYSTEM", "OPERATING", "")).build(),
                envelope(4).setReviewForwarded(ForwardedReview.newBuilder().setPlan(plan("plan-forwarded"))
                        .setReviewingNode(CITY).setOpinion("Looks new.").setRecommendedOutcome("UNCONDITIONAL_APPROVAL")
                        .addReasons("No overlap.").setRoutingReason("above the city's own threshold")
                        .addMatches(CheckMatch.newBuilder().setEntryId("e-1").setKind("PLAN").setOwner("City V")
                                .setName("Cat licences").setScore(0.25))).build(),
                envelope(5).setDecisionReported(DecisionReport.newBuilder().setCaseId("case-9").setPlanId("plan-9")
                        .setPlanRevision(1).setOwnerNode(CITY).setOwnerName("City W").setDecidingNode(CITY)
                        .setDecidingLevel("LOCAL").setOutcome("RETURN").setSubmittedAtEpochMs(CREATED - 9_000)
                        .setDecidedAtEpochMs(CREATED - 1_000).setDueAtEpochMs(CREATED + 9_000).setAutomatic(true)
                        .setRoutingReason("incomplete").setDecisionId("decision-9")).build(),
                envelope(6).setConditionUpdated(ConditionUpdate.newBuilder().setDecisionId("decision-7").setConditionId("cond-7")
                        .setStatus("FULFILLED").setEvidence("Adoption assessed.").setChangedAtEpochMs(CREATED - 2_000)
                        .setPlanId("plan-7").setDecidingNode(ScriptedParent.ID).setChangedBy("coordinator").setOwnerNode(CITY))
                        .build(),
                envelope(7).setPlanRecordChanged(PlanRecord.newBuilder().setPlanId("plan-8").setOwnerNode(CITY)
                        .setOwnerName("City W").setTitle("Noise complaints").setBudget("9000000").setStage("COMPLETED")
                        .setSubmittedAtEpochMs(CREATED - 90_000).setApprovedAtEpochMs(CREATED - 80_000).setKickoffOn("2026-01-05")
                        .setGoLiveOn("2026-09-01").setSystemId("sys-8").setLastUpdateAtEpochMs(CREATED - 1_000).setVersion(5)
                        .addDecisions(DecisionLine.newBuilder().setRevision(1).setOutcome("UNCONDITIONAL_APPROVAL")
                                .setBudget("9000000").setSubmittedAtEpochMs(CREATED - 90_000).setDecidedAtEpochMs(CREATED - 80_000)
                                .setDecidingNode(ScriptedParent.ID))
                        .addDeliverables(Deliverable.newBuilder().setKind("FINAL_REPORT").setTitle("Final report")
                                .setDeliveredOn("2026-09-15").setSizeBytes(120_000).setChecksum("ab".repeat(32))
                                .setLink("https://example.org/report"))).build(),
                // Addressed to a node outside the province: passed on up toward the common ancestor.
                envelope(8).setAdoptionMessage(adoption(CITY, "county-far", "REQUEST")).build());
    }

    @Test
    void everyEnvelopeACityPushes_reachesTheParentAsSent() {
        var submitted = children.child(CITY).seal(envelope(1).setPlanSubmitted(plan("plan-up")).build());
        List<Envelope> sealed = new ArrayList<>();
        sealed.add(submitted);
        relayedAsTheyAre().forEach(e -> sealed.add(children.child(CITY).seal(e)));

        var acks = children.push(CITY, sealed.toArray(Envelope[]::new));
        assertTrue(acks.stream().allMatch(a -> a.getResult() == EnvelopeAck.Result.ACCEPTED), acks.toString());

        for (var sent : sealed.subList(1, sealed.size())) {
            var arrived = Eventually.await(PATIENCE, "central receives (" + CITY + ", " + sent.getSeq() + ")", () -> central
                    .received(e -> e.getOriginNode().equals(CITY) && e.getSeq() == sent.getSeq()).stream().findFirst().orElse(null));
            assertEquals(sent, arrived, "relayed unchanged, seal included: " + sent.getBodyCase());
        }
        var forwarded = Eventually.await(PATIENCE, "central receives the province's review of plan-up", () -> central
                .received(e -> e.hasReviewForwarded() && e.getReviewForwarded().getPlan().getPlanId().equals("plan-up"))
                .stream().findFirst().map(e -> e.getReviewForwarded()).orElse(null));
        assertEquals(plan("plan-up"), forwarded.getPlan(), "the summary read in and written out again by the province");

        Set<Envelope.BodyCase> covered = EnumSet.noneOf(Envelope.BodyCase.class);
        sealed.forEach(e -> covered.add(e.getBodyCase()));
        assertEquals(EnumSet.complementOf(EnumSet.of(Envelope.BodyCase.BODY_NOT_SET)), covered,
                "every kind of envelope is sent through");
    }

    @Test
    void everyFeedItemTheParentSends_reachesTheCityAsSent() throws Exception {
        var key = central.nodeKey();
        var catalogue = entry("central:plan:p-77", ScriptedParent.ID, "PLAN", "APPROVED", "45000000.25").toBuilder()
                .setDetails(org.preconsult.federation.v1.EntryDetails.newBuilder()
                        .addTranslations(org.preconsult.federation.v1.EntryText.newBuilder().setLanguage("ko")
                                .setName("예약 시스템").setDescription("주민이 온라인으로 예약합니다.").addFunctions("예약"))
                        .addRelations(org.preconsult.federation.v1.EntryLink.newBuilder().setType("USED_BY")
                                .setTarget("City of Daejeon")))
                .build();
        var mark = BestPracticeMark.newBuilder().setEntryId("central:plan:p-77").setMarkingNode(ScriptedParent.ID)
                .setMarkingName("Ministry").setReason("Reused by nine cities.").setMarkedAtEpochMs(CREATED).setVersion(2).build();
        var decision = central.decision(DecisionContent.newBuilder().setDecisionId("decision-for-the-city").setCaseId("case-77")
                .setPlanId("plan-77").setPlanRevision(1).setOriginNode(CITY).setOutcome("DEFERRAL")
                .addReasons("Wait for the national platform.").setDecidedAtEpochMs(CREATED).setDecidedBy("reviewer").build());
        central.offer(key);
        central.offer(FeedItem.newBuilder().setCatalogueEntry(catalogue).build());
        central.offer(FeedItem.newBuilder().setBestPracticeMark(mark).build());
        // The city has connected (its first pull makes it known below the province), and an adoption
        // answer for it from its neighbour comes down, as a common ancestor above would pass it on.
        children.stub(CITY).withDeadlineAfter(3, TimeUnit.SECONDS).pull(PullRequest.newBuilder().setNodeId(CITY).build())
                .hasNext();
        var answer = children.child(NEIGHBOUR).seal(Envelope.newBuilder().setOriginNode(NEIGHBOUR).setSeq(1)
                .setOriginIncarnation("life-1").setCreatedAtEpochMs(CREATED)
                .setAdoptionMessage(adoption(NEIGHBOUR, CITY, "ACCEPTED")).build());
        central.offer(FeedItem.newBuilder().setAddress(CITY).setAddressedEnvelope(answer).build());
        var waiver = central.waiver(org.preconsult.federation.v1.ConditionWaiver.newBuilder().setWaiverId("waiver-77")
                .setConditionId("cond-77").setDecisionId("decision-76").setPlanId("plan-76").setOwnerNode(CITY)
                .setReason("Covered by the national platform.").setWaivedAtEpochMs(CREATED).setWaivedBy("reviewer").build());
        central.offer(waiver);
        long last = central.offer(decision);
        Eventually.until(PATIENCE, "the province applies its parent's feed", () -> api.feedCursor() >= last);

        Set<FeedItem.BodyCase> seen = EnumSet.noneOf(FeedItem.BodyCase.class);
        var stream = children.stub(CITY).withDeadlineAfter(3, TimeUnit.SECONDS)
                .pull(PullRequest.newBuilder().setNodeId(CITY).build());
        try {
            while (stream.hasNext() && !seen.contains(FeedItem.BodyCase.HEARTBEAT)) {
                var item = stream.next();
                seen.add(item.getBodyCase());
                switch (item.getBodyCase()) {
                    case NODE_KEY -> {
                        if (item.getNodeKey().getNodeId().equals(ScriptedParent.ID)) {
                            assertEquals(key.getNodeKey(), item.getNodeKey());
                        }
                    }
                    case CATALOGUE_ENTRY -> assertEquals(catalogue, item.getCatalogueEntry());
                    case BEST_PRACTICE_MARK -> assertEquals(mark, item.getBestPracticeMark());
                    case ADDRESSED_ENVELOPE -> {
                        assertEquals(answer, item.getAddressedEnvelope(), "passed down with its origin's seal");
                        assertEquals(CITY, item.getAddress());
                    }
                    case CONDITION_WAIVER -> {
                        assertEquals(waiver.getConditionWaiver(), item.getConditionWaiver(), "relayed with the signer's signature");
                        assertEquals(CITY, item.getAddress());
                    }
                    case DECISION -> {
                        assertEquals(decision.getDecision(), item.getDecision(), "relayed with the parent's signature");
                        assertEquals(CITY, item.getAddress());
                    }
                    default -> {
                    }
                }
            }
        } catch (StatusRuntimeException e) {
            throw new AssertionError("the city's feed ended before its items: " + seen, e);
        }
        var resync = children.stub(CITY).withDeadlineAfter(3, TimeUnit.SECONDS)
                .pull(PullRequest.newBuilder().setNodeId(CITY).setAfterPosition(1_000_000).build()).next();
        seen.add(resync.getBodyCase());

        assertEquals(EnumSet.complementOf(EnumSet.of(FeedItem.BodyCase.BODY_NOT_SET)), seen, "every kind of feed item");
    }
}
