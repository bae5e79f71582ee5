package org.preconsult.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.federation.v1.DecisionLine;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.ForwardedReview;
import org.preconsult.federation.v1.PlanRecord;
import org.preconsult.federation.v1.PlanSummary;
import org.preconsult.federation.v1.SystemSummary;
import org.preconsult.node.NodeRole;
import org.preconsult.testing.Children;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.TrustFixture;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.model.NodeIdentity;

/**
 * Central receiving pushes from its children over its real mutual-TLS federation port: an envelope
 * is taken only from the child whose subtree it comes from, the same envelope twice is applied once,
 * a bad envelope is refused without holding up the ones behind it, and a push stops at an envelope
 * that could not be stored, so nothing behind it is applied out of order.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushFromChildrenTest implements TestPropertyProvider {

    @Inject
    ApplicationContext context;
    @Inject
    NodeClient api;
    @Inject
    DataSource dataSource;

    private Children children;
    private TrustFixture.Child cityOfY;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties("CENTRAL");
    }

    @BeforeAll
    void enrolProvincesAndACityUnderOne() {
        children = Children.enrol(context, NodeRole.PROVINCIAL, "prov-x", "prov-y", "prov-z");
        cityOfY = grandchild(children.child("prov-y"), "city-y");
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        children.close();
    }

    /** A local node enrolled by the province, as the province's own enrolment would certify it. */
    private static TrustFixture.Child grandchild(TrustFixture.Child province, String nodeId) {
        var keys = Pki.newKeyPair();
        var leaf = Pki.issue(province.chain().get(0), province.keys().getPrivate(), keys.getPublic(),
                new NodeIdentity(nodeId, NodeRole.LOCAL, province.nodeId()), Instant.now(), Duration.ofDays(30));
        var chain = new ArrayList<>(List.of(leaf));
        chain.addAll(province.chain());
        return new TrustFixture.Child(nodeId, keys, chain);
    }

    private static Envelope.Builder envelope(String origin, long seq) {
        return Envelope.newBuilder().setOriginNode(origin).setSeq(seq).setOriginIncarnation("life-1")
                .setCreatedAtEpochMs(Instant.now().toEpochMilli());
    }

    private static Envelope system(String origin, long seq, String systemId, String name, String status) {
        return envelope(origin, seq).setSystemRegistered(SystemSummary.newBuilder().setSystemId(systemId).setVersion(1)
                .setOwnerNode(origin).setOwnerName("Government " + origin).setName(name)
                .setDescription("Residents use " + name + " online.").setStatus(status).setLanguage("en")).build();
    }

    private static PlanSummary.Builder plan(String owner, String planId, String title) {
        return PlanSummary.newBuilder().setPlanId(planId).setRevision(1).setOwnerNode(owner).setOwnerName("Government " + owner)
                .setTitle(title).setPurpose("Residents of " + owner + " use " + title + " online.").addFunctions("application")
                .setBudget("30000000").setPlannedStart("2027-01-01").setPlannedEnd("2027-12-31").setPlatform("Web")
                .setLanguage("en").setStatus("SUBMITTED").setSubmittedAtEpochMs(Instant.now().toEpochMilli());
    }

    private int entry(String id) {
        return api.send(HttpRequest.GET("/api/v1/catalogue/entries/" + id), "AUDITOR").status();
    }

    @SuppressWarnings("unchecked")
    private long casesOf(String planId) {
        var items = (List<Map<String, Object>>) api.send(HttpRequest.GET("/api/v1/review-cases?size=200"), "REVIEWER")
                .json().get("items");
        return items.stream().filter(c -> planId.equals(((Map<String, Object>) c.get("plan")).get("planId"))).count();
    }

    @Test
    void provinceDeliveringAnEnvelopeOfAnotherProvincesCity_isRefused_andNothingIsStored() {
        var ferry = cityOfY.seal(system("city-y", 1, "ferry", "Ferry timetable", "OPERATING"));

        var refused = children.push("prov-x", ferry).get(0);
        assertEquals(EnvelopeAck.Result.REJECTED, refused.getResult());
        assertTrue(refused.getReason().contains("not in the subtree of prov-x"), refused.getReason());
        assertEquals(404, entry("city-y:system:ferry"), "nothing of the refused envelope is stored");

        // The same envelope from the province the city belongs to is taken: the refusal was about who delivered it.
        assertEquals(EnvelopeAck.Result.ACCEPTED, children.push("prov-y", ferry).get(0).getResult());
        assertEquals(200, entry("city-y:system:ferry"));
    }

    @Test
    void provinceForwardingAReviewOfAPlanOwnedInAnotherSubtree_isRefused_andNoCaseOpens() {
        // city-y is known here as a node of prov-y's subtree once prov-y delivered something of it.
        assertEquals(EnvelopeAck.Result.ACCEPTED,
                children.push("prov-y", cityOfY.seal(system("city-y", 2, "library", "Library loans", "OPERATING"))).get(0).getResult());
        var review = ForwardedReview.newBuilder().setPlan(plan("city-y", "plan-of-city-y", "Harbour parking permits"))
                .setReviewingNode("prov-x").setOpinion("Looks new.").setRoutingReason("budget above the threshold");

        var refused = children.push("prov-x", children.child("prov-x").seal(envelope("prov-x", 1).setReviewForwarded(review).build())).get(0);
        assertEquals(EnvelopeAck.Result.REJECTED, refused.getResult());
        assertTrue(refused.getReason().contains("city-y belongs to the subtree of prov-y, not of prov-x"), refused.getReason());
        assertEquals(0, casesOf("plan-of-city-y"), "no case opens for the refused review");

        var fromItsProvince = envelope("prov-y", 1).setReviewForwarded(review.setReviewingNode("prov-y")).build();
        assertEquals(EnvelopeAck.Result.ACCEPTED, children.push("prov-y", children.child("prov-y").seal(fromItsProvince)).get(0).getResult());
        assertEquals(1, casesOf("plan-of-city-y"));
    }

    @Test
    void sameEnvelopeDeliveredAgain_isAcknowledgedDuplicate_andAppliedOnce() {
        var prov = children.child("prov-z");
        var submitted = envelope("prov-z", 1).setPlanSubmitted(plan("prov-z", "plan-twice", "Waste collection calendar")).build();

        // A retry is sealed again (a new signature over the same content): still the same envelope.
        var acks = children.push("prov-z", prov.seal(submitted), prov.seal(submitted));
        assertEquals(List.of(EnvelopeAck.Result.ACCEPTED, EnvelopeAck.Result.DUPLICATE), acks.stream().map(EnvelopeAck::getResult).toList());
        assertEquals(EnvelopeAck.Result.DUPLICATE, children.push("prov-z", prov.seal(submitted)).get(0).getResult());

        assertEquals(1, casesOf("plan-twice"), "one review case, however often the plan arrives");
    }

    @Test
    @SuppressWarnings("unchecked")
    void systemsCatalogueDetails_areTakenWithinBounds_andAnUnknownRelationOrTooManyAreRefused() {
        var prov = children.child("prov-z");
        var link = org.preconsult.federation.v1.EntryLink.newBuilder().setType("USED_BY");
        var used = system("prov-z", 20, "parks", "Park bookings", "OPERATING").toBuilder();
        used.getSystemRegisteredBuilder().setDetails(org.preconsult.federation.v1.EntryDetails.newBuilder()
                .addRelations(link.setTarget("City A (city-a)")));
        var unknown = system("prov-z", 21, "tolls", "Bridge tolls", "OPERATING").toBuilder();
        unknown.getSystemRegisteredBuilder().setDetails(org.preconsult.federation.v1.EntryDetails.newBuilder()
                .addRelations(org.preconsult.federation.v1.EntryLink.newBuilder().setType("OWNED_BY").setTarget("Somebody")));
        var tooMany = system("prov-z", 22, "docks", "Dock rentals", "OPERATING").toBuilder();
        var many = org.preconsult.federation.v1.EntryDetails.newBuilder();
        for (int i = 0; i <= org.preconsult.federation.model.EntryDetails.MAX_RELATIONS; i++) {
            many.addRelations(link.setTarget("Government " + i));
        }
        tooMany.getSystemRegisteredBuilder().setDetails(many);

        var acks = children.push("prov-z", prov.seal(used.build()), prov.seal(unknown.build()), prov.seal(tooMany.build()));

        assertEquals(EnvelopeAck.Result.ACCEPTED, acks.get(0).getResult());
        var relations = (List<Map<String, Object>>) api.send(HttpRequest.GET("/api/v1/catalogue/entries/prov-z:system:parks"),
                "AUDITOR").json().get("relations");
        assertEquals(List.of(Map.of("type", "USED_BY", "target", "City A (city-a)")), relations);
        assertEquals(EnvelopeAck.Result.REJECTED, acks.get(1).getResult());
        assertTrue(acks.get(1).getReason().contains("unknown relation type"), acks.get(1).getReason());
        assertEquals(EnvelopeAck.Result.REJECTED, acks.get(2).getResult());
        assertTrue(acks.get(2).getReason().contains("at most " + org.preconsult.federation.model.EntryDetails.MAX_RELATIONS),
                acks.get(2).getReason());
        assertEquals(404, entry("prov-z:system:tolls"), "nothing of a refused envelope is stored");
        assertEquals(404, entry("prov-z:system:docks"));
    }

    @Test
    void badEnvelope_isRefusedWithItsReason_andTheEnvelopesBehindItAreApplied() {
        var prov = children.child("prov-z");
        var acks = children.push("prov-z", prov.seal(system("prov-z", 10, "meters", "Water meters", "NO_SUCH_STATUS")),
                prov.seal(system("prov-z", 11, "pools", "Pool tickets", "OPERATING")));

        assertEquals(EnvelopeAck.Result.REJECTED, acks.get(0).getResult());
        assertTrue(acks.get(0).getReason().contains("unknown system status"), acks.get(0).getReason());
        assertEquals(EnvelopeAck.Result.ACCEPTED, acks.get(1).getResult());
        assertEquals(404, entry("prov-z:system:meters"));
        assertEquals(200, entry("prov-z:system:pools"));
    }

    @Test
    void pushStopsAtTheEnvelopeThatCouldNotBeStored_andTheOneBehindItWaitsForIt() throws Exception {
        var prov = children.child("prov-x");
        var first = prov.seal(system("prov-x", 20, "harbour", "Harbour dues", "OPERATING"));
        var stalled = prov.seal(system("prov-x", 21, "ferries", "Ferry tickets", "OPERATING"));
        var behind = prov.seal(system("prov-x", 22, "buses", "Night buses", "OPERATING"));
        children.push("prov-x", first);

        // Another transaction holds the catalogue's counter: the next entry cannot be stored until it ends.
        try (var busy = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            busy.setAutoCommit(false);
            try (var lock = busy.prepareStatement("SELECT counter_value FROM node_counter WHERE name = 'catalogue' FOR UPDATE")) {
                lock.executeQuery().close();
            }
            var refused = assertThrows(StatusRuntimeException.class, () -> children.push("prov-x", stalled, behind));
            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), "nothing stored: the child is told to retry");
            busy.rollback();
        }
        assertEquals(404, entry("prov-x:system:ferries"));
        assertEquals(404, entry("prov-x:system:buses"), "the envelope behind the failure is not applied ahead of it");

        // Sent again in order, both are taken.
        var again = children.push("prov-x", stalled, behind);
        assertEquals(List.of(EnvelopeAck.Result.ACCEPTED, EnvelopeAck.Result.ACCEPTED),
                again.stream().map(EnvelopeAck::getResult).toList());
        assertEquals(200, entry("prov-x:system:ferries"));
        assertEquals(200, entry("prov-x:system:buses"));
    }

    @Test
    void planRecordWithTwoDecisionsForOneRevision_isRefused_andDoesNotHoldUpTheStream() {
        var prov = children.child("prov-x");
        var acks = children.push("prov-x", prov.seal(planRecord(1, 1)),
                prov.seal(system("prov-x", 31, "tides", "Tide tables", "OPERATING")));
        assertEquals(EnvelopeAck.Result.REJECTED, acks.get(0).getResult());
        assertTrue(acks.get(0).getReason().contains("one decision line per revision"), acks.get(0).getReason());
        assertEquals(EnvelopeAck.Result.ACCEPTED, acks.get(1).getResult());
        assertEquals(200, entry("prov-x:system:tides"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void planRecordWithAConditionTwice_orOfAnUnknownStatus_isRefused_andAWellFormedOneIsKept() {
        var prov = children.child("prov-x");
        var twice = conditioned(50, "plan-cond-twice", condition("cond-1", "OPEN"), condition("cond-1", "FULFILLED"));
        var unknown = conditioned(51, "plan-cond-unknown", condition("cond-2", "FORGOTTEN"));
        var good = conditioned(52, "plan-cond-good", condition("cond-3", "OPEN"));

        var acks = children.push("prov-x", prov.seal(twice), prov.seal(unknown), prov.seal(good));

        assertEquals(EnvelopeAck.Result.REJECTED, acks.get(0).getResult());
        assertTrue(acks.get(0).getReason().contains("each condition once"), acks.get(0).getReason());
        assertEquals(EnvelopeAck.Result.REJECTED, acks.get(1).getResult());
        assertTrue(acks.get(1).getReason().contains("FORGOTTEN"), acks.get(1).getReason());
        assertEquals(EnvelopeAck.Result.ACCEPTED, acks.get(2).getResult());
        // Only the kept record's condition, open past its due date, counts.
        var rows = (List<Map<String, Object>>) api.send(HttpRequest.GET("/api/v1/statistics/league"), "REVIEWER")
                .json().get("rows");
        assertEquals(1, rows.stream().filter(r -> "prov-x".equals(r.get("ownerNode")))
                .mapToInt(r -> ((Number) r.get("overdueConditions")).intValue()).sum(), rows.toString());
    }

    private static org.preconsult.federation.v1.ConditionLine condition(String id, String status) {
        return org.preconsult.federation.v1.ConditionLine.newBuilder().setConditionId(id).setDecisionId("decision-" + id)
                .setDecidingNode(NodeFixture.NODE_ID).setDueOn("2020-01-31").setStatus(status).build();
    }

    /** A conditionally approved plan record of prov-x with the given condition lines, in envelope {@code seq}. */
    private static Envelope conditioned(long seq, String planId, org.preconsult.federation.v1.ConditionLine... lines) {
        var record = PlanRecord.newBuilder().setPlanId(planId).setOwnerNode("prov-x").setOwnerName("Province X")
                .setTitle("Harbour dues").setBudget("10000000").setStage("CONDITIONALLY_APPROVED")
                .setSubmittedAtEpochMs(1_700_000_000_000L).setApprovedAtEpochMs(1_700_100_000_000L)
                .setLastUpdateAtEpochMs(1_700_100_000_000L).setVersion(1)
                .addDecisions(DecisionLine.newBuilder().setRevision(1).setOutcome("CONDITIONAL_APPROVAL")
                        .setBudget("10000000").setSubmittedAtEpochMs(1_700_000_000_000L)
                        .setDecidedAtEpochMs(1_700_100_000_000L).setDecidingNode(NodeFixture.NODE_ID));
        for (var line : lines) {
            record.addConditions(line);
        }
        return envelope("prov-x", seq).setPlanRecordChanged(record).build();
    }

    /**
     * The plan record of a plan of prov-x (seq 30) whose decision lines are for the revisions given;
     * two lines for one revision are refused when the record is read.
     */
    private static Envelope planRecord(int... revisions) {
        var record = PlanRecord.newBuilder().setPlanId("plan-record-1").setOwnerNode("prov-x").setOwnerName("Province X")
                .setTitle("Tide warnings").setBudget("10000000").setStage("APPROVED")
                .setSubmittedAtEpochMs(1_700_000_000_000L).setApprovedAtEpochMs(1_700_100_000_000L)
                .setLastUpdateAtEpochMs(1_700_100_000_000L).setVersion(1);
        for (int revision : revisions) {
            record.addDecisions(DecisionLine.newBuilder().setRevision(revision).setOutcome("UNCONDITIONAL_APPROVAL")
                    .setBudget("10000000").setSubmittedAtEpochMs(1_700_000_000_000L).setDecidedAtEpochMs(1_700_100_000_000L)
                    .setDecidingNode(NodeFixture.NODE_ID));
        }
        return envelope("prov-x", 30).setPlanRecordChanged(record).build();
    }
}
