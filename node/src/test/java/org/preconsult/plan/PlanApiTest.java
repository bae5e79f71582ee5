package org.preconsult.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

/** Drafting, completeness and submission of plans at a local node through its REST API. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTest implements TestPropertyProvider {

    @Inject
    NodeClient api;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties("LOCAL", "preconsult.node.parent", "localhost:1");
    }

    private Reply send(HttpRequest<?> request, String role) {
        return api.send(request, role);
    }

    private static Map<String, Object> complete(String title) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("title", title);
        plan.put("purpose", "Residents apply for parking permits online and renew them without visiting an office.");
        plan.put("functions", List.of("online application", "renewal"));
        plan.put("budget", 30_000_000);
        plan.put("plannedStart", "2027-01-01");
        plan.put("plannedEnd", "2027-06-30");
        plan.put("platform", "Web application");
        plan.put("contactPerson", "Lee, ext. 55");
        return plan;
    }

    @Test
    void draftWithOnlyATitle_isSaved_andShowsWhatIsMissing() {
        var reply = send(HttpRequest.POST("/api/v1/plans", Map.of("title", "Parking permits")), "SUBMITTER");
        assertEquals(201, reply.status());
        var completeness = (Map<String, Object>) reply.json().get("completeness");
        assertFalse((Boolean) completeness.get("complete"));
        var missing = ((List<Map<String, Object>>) completeness.get("missing")).stream().map(m -> m.get("field")).toList();
        assertTrue(missing.containsAll(List.of("purpose", "functions", "budget", "plannedStart", "plannedEnd", "platform")), missing.toString());
        assertEquals(0.14, ((Number) completeness.get("score")).doubleValue(), 0.001);
    }

    @Test
    void incompletePlan_isRefusedAtSubmission_withTheMissingFields_andStaysDraft() {
        var plan = complete("Incomplete plan");
        plan.put("plannedEnd", "2026-01-01");
        plan.remove("functions");
        String id = (String) send(HttpRequest.POST("/api/v1/plans", plan), "COORDINATOR").json().get("id");
        var refused = send(HttpRequest.POST("/api/v1/plans/" + id + "/submission", Map.of()), "COORDINATOR");
        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        var fields = ((List<Map<String, Object>>) refused.json().get("errors")).stream().map(e -> e.get("field")).toList();
        assertEquals(List.of("functions", "plannedEnd"), fields);
        assertEquals("DRAFT", send(HttpRequest.GET("/api/v1/plans/" + id), "COORDINATOR").json().get("status"));
    }

    @Test
    void submittedPlan_cannotBeEdited_andIsQueuedForTheParent() {
        String id = (String) send(HttpRequest.POST("/api/v1/plans", complete("Submitted plan")), "SUBMITTER").json().get("id");
        var submitted = send(HttpRequest.POST("/api/v1/plans/" + id + "/submission", Map.of()), "COORDINATOR");
        assertEquals(200, submitted.status());
        assertEquals("SUBMITTED", submitted.json().get("status"));
        assertEquals(1, submitted.json().get("revision"));
        var edit = send(HttpRequest.PUT("/api/v1/plans/" + id, complete("Changed title")), "COORDINATOR");
        assertEquals(409, edit.status());
        var again = send(HttpRequest.POST("/api/v1/plans/" + id + "/submission", Map.of()), "COORDINATOR");
        assertEquals(409, again.status());
    }

    @Test
    void onlyCoordinatorsSubmit_andBadInputIsA400Problem() {
        String id = (String) send(HttpRequest.POST("/api/v1/plans", complete("Role check")), "SUBMITTER").json().get("id");
        assertEquals(403, send(HttpRequest.POST("/api/v1/plans/" + id + "/submission", Map.of()), "SUBMITTER").status());
        assertEquals(403, send(HttpRequest.POST("/api/v1/plans", complete("Reviewer")), "REVIEWER").status());
        var noToken = api.anonymous(HttpRequest.GET("/api/v1/plans/" + id));
        assertEquals(401, noToken.status());

        var bad = complete("");
        bad.put("budget", -5);
        bad.put("language", "not a language!");
        var reply = send(HttpRequest.POST("/api/v1/plans", bad), "SUBMITTER");
        assertEquals(400, reply.status());
        var fields = ((List<Map<String, Object>>) reply.json().get("errors")).stream().map(e -> e.get("field")).sorted().toList();
        assertEquals(List.of("budget", "language", "title"), fields);
        assertEquals(404, send(HttpRequest.GET("/api/v1/plans/no-such-plan"), "AUDITOR").status());
    }

    @Test
    void draftPlan_isCheckedAgainstTheLocalCatalogue_beforeItIsSubmitted() {
        var system = send(HttpRequest.POST("/api/v1/systems", Map.of(
                "name", "Residential parking permit service",
                "description", "Residents apply for residential parking permits online and renew them every year.",
                "functions", List.of("online application", "renewal"))), "COORDINATOR");
        assertEquals(201, system.status());
        String id = (String) send(HttpRequest.POST("/api/v1/plans", complete("Parking permit renewal online")), "SUBMITTER")
                .json().get("id");

        var check = send(HttpRequest.GET("/api/v1/plans/" + id + "/redundancy-check"), "SUBMITTER");
        assertEquals(200, check.status());
        var top = ((List<Map<String, Object>>) check.json().get("matches")).get(0);
        assertEquals(NodeFixture.NODE_ID + ":system:" + system.json().get("id"), top.get("entryId"));
        assertEquals(Boolean.TRUE, ((Map<String, Object>) top.get("evidence")).get("sameOwner"),
                "the government's own system is reported as its own, not another government's");
        assertEquals(404, send(HttpRequest.GET("/api/v1/plans/unknown/redundancy-check"), "SUBMITTER").status());
    }

    @Test
    void retriedDraftWithTheSameIdempotencyKey_createsOnePlan_andOtherContentUnderItIsRefused() {
        var first = send(HttpRequest.POST("/api/v1/plans", complete("Retried draft")).header("Idempotency-Key", "k-123"), "SUBMITTER");
        var retry = send(HttpRequest.POST("/api/v1/plans", complete("Retried draft")).header("Idempotency-Key", "k-123"), "SUBMITTER");
        assertEquals(201, first.status());
        assertEquals(first.json().get("id"), retry.json().get("id"));
        var other = send(HttpRequest.POST("/api/v1/plans", complete("Another plan")).header("Idempotency-Key", "k-123"), "SUBMITTER");
        assertEquals(422, other.status());
        assertEquals("application/problem+json", other.contentType());
    }
}
