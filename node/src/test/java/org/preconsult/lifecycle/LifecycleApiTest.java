package org.preconsult.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

/**
 * Life after the decision at one node (a central node deciding its own plans): kickoff, completion
 * into an existing system, cancellation, retirement, their validation and roles, and the flags and
 * statistics read from the plan records.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleApiTest implements TestPropertyProvider {

    static final AtomicReference<Instant> NOW = MutableTestClock.NOW;

    @Inject
    NodeClient api;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties("CENTRAL", "test.mutable-clock", "true");
    }

    private Reply send(MutableHttpRequest<?> request, String role) {
        return api.send(request, role);
    }

    private static LocalDate today() {
        return LocalDate.ofInstant(NOW.get(), ZoneOffset.UTC);
    }

    private long count(String sql, Object... args) {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drafts, submits and approves a plan of this node; returns its id. */
    private String approvedPlan(String title) {
        return decidedPlan(title, Map.of("outcome", "UNCONDITIONAL_APPROVAL", "reasons", List.of("No overlap."),
                "overrideReason", "The reviewer's judgement in this test."))[0];
    }

    /** Drafts, submits and approves a plan with one condition due on the date; returns its case's id. */
    private String conditionallyApprovedPlan(String title, LocalDate due) {
        return decidedPlan(title, Map.of("outcome", "CONDITIONAL_APPROVAL", "reasons", List.of("Overlaps a register."),
                "overrideReason", "The reviewer's judgement in this test.",
                "conditions", List.of(Map.of("text", "Assess adoption of the county register.", "dueDate", due.toString()))))[1];
    }

    /** Drafts, submits and decides a plan of this node; returns its id and its case's id. */
    private String[] decidedPlan(String title, Map<String, Object> decision) {
        var decided = api.decidedPlan(title, "LIFE", decision);
        return new String[] {decided.planId(), decided.caseId()};
    }

    private String entryStatus(String entryId) {
        var reply = send(HttpRequest.GET("/api/v1/catalogue/entries/" + entryId), "AUDITOR");
        return reply.status() == 200 ? (String) reply.json().get("status") : null;
    }

    @Test
    void approvedPlan_hasARecord_awaitingItsKickoff() {
        String id = approvedPlan("Harbour permits");
        var record = send(HttpRequest.GET("/api/v1/plans/" + id + "/lifecycle"), "AUDITOR");
        assertEquals(200, record.status());
        assertEquals("APPROVED", record.json().get("stage"));
        assertEquals(1, ((List<?>) record.json().get("decisions")).size());
        assertEquals(false, record.json().get("stale"));
    }

    @Test
    void kickoffBeforeSubmission_putsThePlanInProgress_andFlagsALateRegistration() {
        String id = approvedPlan("Market stall licences");
        var started = send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/kickoff",
                Map.of("kickoffOn", today().minusDays(40).toString())), "COORDINATOR");
        assertEquals(200, started.status(), started.json().toString());
        assertEquals("IN_PROGRESS", started.json().get("stage"));
        assertEquals(true, started.json().get("lateRegistration"));
        assertEquals("IN_PROGRESS", entryStatus("test-node:plan:" + id));

        var flagged = send(HttpRequest.GET("/api/v1/lifecycle/flagged"), "REVIEWER").json();
        var late = ((List<Map<String, Object>>) flagged.get("lateRegistrations")).stream().map(r -> r.get("planId")).toList();
        assertTrue(late.contains(id), late.toString());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE entity_id = ? AND action = 'LIFECYCLE_KICKED_OFF'", id));
    }

    @Test
    void completion_turnsThePlanIntoAnExistingSystem_withoutRetyping() {
        String id = approvedPlan("Cemetery plot register");
        send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/kickoff", Map.of("kickoffOn", today().toString())),
                "COORDINATOR");
        var done = send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/completion",
                Map.of("goLiveOn", today().toString())), "COORDINATOR");
        assertEquals(200, done.status(), done.json().toString());
        assertEquals("COMPLETED", done.json().get("stage"));
        assertEquals(id, done.json().get("systemId"));

        var system = send(HttpRequest.GET("/api/v1/systems/" + id), "AUDITOR").json();
        assertEquals("Cemetery plot register", system.get("name"));
        assertEquals("OPERATING", system.get("status"));
        assertEquals(List.of("online application", "case tracking"), system.get("functions"));
        assertEquals("OPERATING", entryStatus("test-node:system:" + id));
        // The plan's entry hands over to the system: it no longer counts as a plan.
        assertEquals("COMPLETED", entryStatus("test-node:plan:" + id));
    }

    @Test
    void cancellation_withoutAReason_isRefused_andNothingIsStored() {
        String id = approvedPlan("Street lighting control");
        long audits = count("SELECT COUNT(*) FROM audit_event");
        long version = count("SELECT version FROM plan_record WHERE plan_id = ?", id);

        var refused = send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/cancellation", Map.of("reason", " ")),
                "COORDINATOR");
        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        var future = send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/kickoff",
                Map.of("kickoffOn", today().plusDays(3).toString())), "COORDINATOR");
        assertEquals(400, future.status());
        assertEquals("kickoffOn", ((List<Map<String, Object>>) future.json().get("errors")).get(0).get("field"));
        var notADate = send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/completion",
                Map.of("goLiveOn", "soon")), "COORDINATOR");
        assertEquals(400, notADate.status());

        assertEquals(audits, count("SELECT COUNT(*) FROM audit_event"));
        assertEquals(version, count("SELECT version FROM plan_record WHERE plan_id = ?", id));
        assertEquals("APPROVED", entryStatus("test-node:plan:" + id));
    }

    @Test
    void cancelledPlan_isATombstone_andCannotChangeAgain() {
        String id = approvedPlan("Bicycle sharing");
        var cancelled = send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/cancellation",
                Map.of("reason", "The council withdrew the budget.")), "COORDINATOR");
        assertEquals(200, cancelled.status());
        assertEquals("CANCELLED", cancelled.json().get("stage"));
        assertEquals("CANCELLED", entryStatus("test-node:plan:" + id));

        assertEquals(409, send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/cancellation",
                Map.of("reason", "Again.")), "COORDINATOR").status());
        assertEquals(409, send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/kickoff",
                Map.of("kickoffOn", today().toString())), "COORDINATOR").status());
    }

    @Test
    void lifecycleChanges_needTheCoordinator_andUnknownOrUndecidedPlansAreRefused() {
        String id = approvedPlan("Noise complaints");
        assertEquals(403, send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/kickoff",
                Map.of("kickoffOn", today().toString())), "SUBMITTER").status());
        assertEquals(403, send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/kickoff",
                Map.of("kickoffOn", today().toString())), "AUDITOR").status());
        assertEquals(404, send(HttpRequest.POST("/api/v1/plans/no-such-plan/lifecycle/kickoff",
                Map.of("kickoffOn", today().toString())), "COORDINATOR").status());
        String draft = (String) send(HttpRequest.POST("/api/v1/plans", Map.of("title", "Only a draft")), "COORDINATOR")
                .json().get("id");
        assertEquals(409, send(HttpRequest.POST("/api/v1/plans/" + draft + "/lifecycle/kickoff",
                Map.of("kickoffOn", today().toString())), "COORDINATOR").status());
    }

    @Test
    void approvedPlanWithoutUpdates_becomesStale_afterTheConfiguredPeriod() {
        String id = approvedPlan("Parking meter renewal");
        var before = send(HttpRequest.GET("/api/v1/lifecycle/flagged"), "OPERATOR").json();
        assertFalse(((List<Map<String, Object>>) before.get("stale")).stream().anyMatch(r -> id.equals(r.get("planId"))));

        NOW.updateAndGet(t -> t.plus(Duration.ofDays(181)));
        var after = send(HttpRequest.GET("/api/v1/lifecycle/flagged"), "OPERATOR").json();
        assertTrue(((List<Map<String, Object>>) after.get("stale")).stream().anyMatch(r -> id.equals(r.get("planId"))));
        assertEquals(true, send(HttpRequest.GET("/api/v1/plans/" + id + "/lifecycle"), "AUDITOR").json().get("stale"));

        // A lifecycle update clears the flag.
        send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/kickoff", Map.of("kickoffOn", today().toString())),
                "COORDINATOR");
        assertEquals(false, send(HttpRequest.GET("/api/v1/plans/" + id + "/lifecycle"), "AUDITOR").json().get("stale"));
    }

    @Test
    void retiredSystem_isATombstone_andRetiringTwiceIsRefused() {
        var system = send(HttpRequest.POST("/api/v1/systems", Map.of("name", "Old fax gateway",
                "description", "Sends official letters by fax.", "functions", List.of("fax"))), "COORDINATOR").json();
        String id = (String) system.get("id");
        assertEquals(400, send(HttpRequest.POST("/api/v1/systems/" + id + "/retirement",
                Map.of("retiredOn", today().toString())), "COORDINATOR").status());
        assertEquals("OPERATING", entryStatus("test-node:system:" + id));
        var retired = send(HttpRequest.POST("/api/v1/systems/" + id + "/retirement",
                Map.of("retiredOn", today().toString(), "reason", "Replaced by e-mail.")), "COORDINATOR");
        assertEquals(200, retired.status(), retired.json().toString());
        assertEquals("RETIRED", entryStatus("test-node:system:" + id));
        assertEquals(409, send(HttpRequest.POST("/api/v1/systems/" + id + "/retirement",
                Map.of("retiredOn", today().toString(), "reason", "Again.")), "COORDINATOR").status());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE entity_id = ? AND action = 'RETIRED'", id));
    }

    @Test
    void statistics_countApplicationsPerYear_asJsonAndCsv() {
        approvedPlan("Sports hall bookings");
        var table = send(HttpRequest.GET("/api/v1/statistics"), "AUDITOR").json();
        var rows = (List<Map<String, Object>>) table.get("rows");
        var total = rows.get(rows.size() - 1);
        assertEquals(null, total.get("year"));
        assertTrue(((Number) total.get("applications")).intValue() >= 1);
        assertEquals(((Number) total.get("applications")).intValue(),
                java.util.stream.Stream.of("unconditionalApprovals", "conditionalApprovals", "deferrals", "returns")
                        .mapToInt(k -> ((Number) total.get(k)).intValue()).sum());

        var csv = api.text(HttpRequest.GET("/api/v1/statistics.csv"), "AUDITOR");
        assertTrue(csv.getContentType().orElseThrow().toString().startsWith("text/csv"));
        var lines = csv.body().strip().split("\n");
        assertTrue(lines[0].startsWith("year,applications,unconditional_approvals"));
        assertTrue(lines[lines.length - 1].startsWith("total,"));
        assertEquals(403, send(HttpRequest.GET("/api/v1/statistics"), "SUBMITTER").status());
    }

    @Test
    void conditionPastItsDueDate_isCountedOverdueInTheLeagueTable_untilItIsWaived() {
        String caseId = conditionallyApprovedPlan("Cemetery plot register", today().plusDays(10));
        assertEquals(0, overdueInLeague(), "not due yet");

        NOW.updateAndGet(t -> t.plus(Duration.ofDays(11)));
        assertEquals(1, overdueInLeague(), "open past its due date");
        var csv = api.text(HttpRequest.GET("/api/v1/statistics/league.csv"), "REVIEWER").body();
        assertTrue(csv.startsWith("owner_node,owner_name,approved_plans,in_progress,completed,cancelled,stale_plans,"
                + "overdue_conditions,late_registrations,updated_on_time_share"), csv);

        var conditions = (List<Map<String, Object>>) send(HttpRequest.GET("/api/v1/conditions?status=OPEN&size=200"),
                "REVIEWER").json().get("items");
        String conditionId = (String) conditions.stream().filter(c -> caseId.equals(c.get("caseId"))).findFirst()
                .orElseThrow().get("conditionId");
        assertEquals(200, send(HttpRequest.POST("/api/v1/conditions/" + conditionId + "/waiver",
                Map.of("reason", "The plot register was merged.")), "REVIEWER").status());
        assertEquals(0, overdueInLeague(), "a waived condition is not overdue");
        assertEquals(1, count("SELECT COUNT(*) FROM plan_condition WHERE condition_id = ? AND status = 'WAIVED'"
                + " AND changed_by = ?", conditionId, "federation:" + NodeFixture.NODE_ID),
                "the waiver of a condition on this node's own plan is applied to the plan at once");
        assertEquals(1, count("SELECT COUNT(*) FROM plan_record_condition WHERE condition_id = ? AND status = 'WAIVED'",
                conditionId), "and the plan's record has it waived");
    }

    private int overdueInLeague() {
        var rows = (List<Map<String, Object>>) send(HttpRequest.GET("/api/v1/statistics/league"), "AUDITOR").json().get("rows");
        return rows.stream().mapToInt(r -> ((Number) r.get("overdueConditions")).intValue()).sum();
    }

    static Map<String, Object> deliverable(String title, LocalDate on) {
        Map<String, Object> d = new HashMap<>();
        d.put("title", title);
        d.put("deliveredOn", on.toString());
        d.put("sizeBytes", 482_113);
        d.put("checksum", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        d.put("link", "https://docs.example.gov/rfp.pdf");
        return d;
    }

    @Test
    void startedPlan_showsItsMissingDeliverables_untilTheirMetadataIsRecorded() {
        String id = approvedPlan("Library self-service kiosks");
        send(HttpRequest.POST("/api/v1/plans/" + id + "/lifecycle/kickoff", Map.of("kickoffOn", today().toString())),
                "COORDINATOR");
        var started = send(HttpRequest.GET("/api/v1/plans/" + id + "/lifecycle"), "AUDITOR").json();
        assertEquals(List.of("EXECUTION_PLAN", "REQUEST_FOR_PROPOSAL"), started.get("missingDeliverables"));
        var flagged = send(HttpRequest.GET("/api/v1/lifecycle/flagged"), "REVIEWER").json();
        assertTrue(((List<Map<String, Object>>) flagged.get("missingDeliverables")).stream().anyMatch(r -> id.equals(r.get("planId"))));

        var recorded = send(HttpRequest.PUT("/api/v1/plans/" + id + "/lifecycle/deliverables/REQUEST_FOR_PROPOSAL",
                deliverable("Request for proposal, kiosks", today())), "COORDINATOR");
        assertEquals(200, recorded.status(), recorded.json().toString());
        assertEquals(List.of("EXECUTION_PLAN"), recorded.json().get("missingDeliverables"));
        var documents = (List<Map<String, Object>>) recorded.json().get("deliverables");
        assertEquals("REQUEST_FOR_PROPOSAL", documents.get(0).get("kind"));
        assertEquals(482_113, ((Number) documents.get(0).get("sizeBytes")).intValue());
    }

    @Test
    void deliverableWithABadChecksum_orAnUnknownKind_isRefused_andNothingIsStored() {
        String id = approvedPlan("Swimming pool access cards");
        long version = count("SELECT version FROM plan_record WHERE plan_id = ?", id);
        var badChecksum = deliverable("Execution plan", today());
        badChecksum.put("checksum", "not-a-sha");
        assertEquals(400, send(HttpRequest.PUT("/api/v1/plans/" + id + "/lifecycle/deliverables/EXECUTION_PLAN",
                badChecksum), "COORDINATOR").status());
        assertEquals(400, send(HttpRequest.PUT("/api/v1/plans/" + id + "/lifecycle/deliverables/BROCHURE",
                deliverable("Brochure", today())), "COORDINATOR").status());
        assertEquals(400, send(HttpRequest.PUT("/api/v1/plans/" + id + "/lifecycle/deliverables/EXECUTION_PLAN",
                deliverable("Execution plan", today().plusDays(1))), "COORDINATOR").status());
        var ftp = deliverable("Execution plan", today());
        ftp.put("link", "ftp://files.example.gov/plan.pdf");
        assertEquals(400, send(HttpRequest.PUT("/api/v1/plans/" + id + "/lifecycle/deliverables/EXECUTION_PLAN", ftp),
                "COORDINATOR").status());
        assertEquals(version, count("SELECT version FROM plan_record WHERE plan_id = ?", id));
        assertEquals(0, count("SELECT COUNT(*) FROM plan_record_deliverable WHERE record_id = ?", "test-node:plan:" + id));
    }
}
