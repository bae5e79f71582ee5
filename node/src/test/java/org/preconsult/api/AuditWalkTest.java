package org.preconsult.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.identity.model.Role;
import org.preconsult.testing.NodeFixture;

/**
 * Every state-changing endpoint of the access table, called successfully, appends exactly one audit
 * event per record it changes, naming the caller; a refused call appends none. The walk covers every
 * endpoint the table marks as changing state.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditWalkTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokens;
    @Inject
    org.preconsult.catalogue.application.Catalogue catalogue;
    @Inject
    org.preconsult.sync.infrastructure.SyncRepositories.SubtreeRows subtree;
    @Inject
    org.preconsult.adoption.application.ReceivingAdoptionMessages adoptionMessages;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    private final Set<String> walked = new TreeSet<>();
    private final Map<String, List<String>> recorded = new LinkedHashMap<>();
    private long seen;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    private static final String COMPLETE_PLAN = "{\"title\":\"Online building permits\","
            + "\"purpose\":\"Let residents apply for building permits online and track the review of their application.\","
            + "\"functions\":[\"online application\",\"document upload\"],\"functionCode\":\"PERMITS\",\"budget\":120000000,"
            + "\"plannedStart\":\"2027-03-01\",\"plannedEnd\":\"2027-12-31\",\"platform\":\"Java web application\","
            + "\"language\":\"en\"}";

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> auditSince() {
        var page = NodeFixture.send(http.toBlocking(), json,
                NodeFixture.as(tokens, HttpRequest.GET("/api/v1/audit?size=50"), Role.AUDITOR_)).json();
        long total = ((Number) page.get("totalItems")).longValue();
        var items = (List<Map<String, Object>>) page.get("items");
        var fresh = new ArrayList<>(items.subList(0, (int) (total - seen)));
        seen = total;
        java.util.Collections.reverse(fresh);
        return fresh;
    }

    /** Calls the endpoint of the table as the role and returns the reply; records the audit events it appended. */
    private NodeFixture.Reply call(String endpoint, String method, String path, String contentType, String body, String role,
                                   int expectedStatus) {
        auditSince();
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(method), path);
        if (body != null) {
            request.body(body).contentType(contentType);
        }
        var reply = NodeFixture.send(http.toBlocking(), json, NodeFixture.as(tokens, request, role));
        assertEquals(expectedStatus, reply.status(), endpoint + ": " + reply.json());
        var events = auditSince();
        String actor = "user-" + role.toLowerCase();
        // The caller's own change names the caller; what this node then does as a node of the federation
        // (a case opened on a plan's arrival, a decision applied to the plan) names that node, and what
        // it does on its own (trusting its new key) names the system.
        for (var event : events) {
            assertEquals(true, Set.of(actor, "federation:" + NodeFixture.NODE_ID, "system").contains(event.get("actor")),
                    endpoint + " names who acted: " + event);
        }
        if (!events.isEmpty()) {
            assertEquals(true, events.stream().anyMatch(e -> actor.equals(e.get("actor"))), endpoint + " names its caller");
        }
        if (expectedStatus < 300) {
            walked.add(endpoint);
            recorded.put(endpoint + (recorded.containsKey(endpoint) ? " (again)" : ""),
                    events.stream().map(e -> e.get("entityType") + "/" + e.get("action")).sorted().toList());
        } else {
            assertEquals(List.of(), events, endpoint + " was refused and must record nothing");
        }
        return reply;
    }

    private String id(NodeFixture.Reply reply) {
        return (String) reply.json().get("id");
    }

    @SuppressWarnings("unchecked")
    @Test
    void everyStateChangingEndpoint_appendsOneEventPerChangedRecord() {
        String json = Endpoints.JSON;
        String draft = id(call("POST /api/v1/plans", "POST", "/api/v1/plans", json, Endpoints.PLAN, Role.SUBMITTER_, 201));
        call("PUT /api/v1/plans/{plan}", "PUT", "/api/v1/plans/" + draft, json, COMPLETE_PLAN, Role.SUBMITTER_, 200);
        call("DELETE /api/v1/plans/{plan}", "DELETE", "/api/v1/plans/" + draft, "", null, Role.SUBMITTER_, 204);
        call("DELETE /api/v1/plans/{plan}", "DELETE", "/api/v1/plans/" + draft, "", null, Role.SUBMITTER_, 404);

        String plan = id(call("POST /api/v1/plans", "POST", "/api/v1/plans", json, COMPLETE_PLAN, Role.COORDINATOR_, 201));
        call("POST /api/v1/plans/{plan}/submission", "POST", "/api/v1/plans/" + plan + "/submission", "", null, Role.COORDINATOR_, 200);
        call("POST /api/v1/plans/{plan}/submission", "POST", "/api/v1/plans/" + plan + "/submission", "", null, Role.COORDINATOR_, 409);
        call("DELETE /api/v1/plans/{plan}", "DELETE", "/api/v1/plans/" + plan, "", null, Role.COORDINATOR_, 409);

        var cases = (List<Map<String, Object>>) NodeFixture.send(http.toBlocking(), this.json, NodeFixture.as(tokens,
                HttpRequest.GET("/api/v1/review-cases?status=OPEN"), Role.REVIEWER_)).json().get("items");
        String caseId = (String) cases.get(0).get("id");
        call("POST /api/v1/review-cases/{case}/decision", "POST", "/api/v1/review-cases/" + caseId + "/decision", json,
                Endpoints.DECISION, Role.REVIEWER_, 200);

        var planConditions = (List<Map<String, Object>>) NodeFixture.send(http.toBlocking(), this.json,
                NodeFixture.as(tokens, HttpRequest.GET("/api/v1/plans/" + plan), Role.COORDINATOR_)).json().get("conditions");
        String planCondition = (String) planConditions.get(0).get("conditionId");
        call("POST /api/v1/plans/{plan}/conditions/{planCondition}/fulfilment", "POST",
                "/api/v1/plans/" + plan + "/conditions/" + planCondition + "/fulfilment", json,
                "{\"evidence\":\"Adoption assessed.\"}", Role.COORDINATOR_, 200);
        var caseConditions = (List<Map<String, Object>>) NodeFixture.send(http.toBlocking(), this.json,
                NodeFixture.as(tokens, HttpRequest.GET("/api/v1/conditions"), Role.REVIEWER_)).json().get("items");
        String caseCondition = (String) caseConditions.get(0).get("conditionId");
        call("POST /api/v1/conditions/{caseCondition}/waiver", "POST", "/api/v1/conditions/" + caseCondition + "/waiver", json,
                "{\"reason\":\"Retired.\"}", Role.REVIEWER_, 200);

        call("PUT /api/v1/plans/{plan}/lifecycle/deliverables/{deliverable}", "PUT",
                "/api/v1/plans/" + plan + "/lifecycle/deliverables/EXECUTION_PLAN", json,
                "{\"title\":\"Execution plan\",\"deliveredOn\":\"2026-02-15\",\"sizeBytes\":120000,\"checksum\":\""
                        + "ab".repeat(32) + "\"}", Role.COORDINATOR_, 200);
        call("POST /api/v1/plans/{plan}/lifecycle/kickoff", "POST", "/api/v1/plans/" + plan + "/lifecycle/kickoff", json,
                "{\"kickoffOn\":\"2026-03-01\"}", Role.COORDINATOR_, 200);
        call("POST /api/v1/plans/{plan}/lifecycle/completion", "POST", "/api/v1/plans/" + plan + "/lifecycle/completion", json,
                "{\"goLiveOn\":\"2026-11-01\"}", Role.COORDINATOR_, 200);
        call("POST /api/v1/plans/{plan}/lifecycle/kickoff", "POST", "/api/v1/plans/" + plan + "/lifecycle/kickoff", json,
                "{\"kickoffOn\":\"2026-03-01\"}", Role.COORDINATOR_, 409);

        String second = id(call("POST /api/v1/plans", "POST", "/api/v1/plans", json, COMPLETE_PLAN, Role.COORDINATOR_, 201));
        call("POST /api/v1/plans/{plan}/submission", "POST", "/api/v1/plans/" + second + "/submission", "", null, Role.COORDINATOR_, 200);
        var secondCases = (List<Map<String, Object>>) NodeFixture.send(http.toBlocking(), this.json, NodeFixture.as(tokens,
                HttpRequest.GET("/api/v1/review-cases?status=OPEN"), Role.REVIEWER_)).json().get("items");
        call("POST /api/v1/review-cases/{case}/decision", "POST", "/api/v1/review-cases/" + secondCases.get(0).get("id")
                + "/decision", json, Endpoints.DECISION, Role.REVIEWER_, 200);
        call("POST /api/v1/plans/{plan}/lifecycle/cancellation", "POST", "/api/v1/plans/" + second + "/lifecycle/cancellation",
                json, "{\"reason\":\"The council withdrew the budget.\"}", Role.COORDINATOR_, 200);

        String system = id(call("POST /api/v1/systems", "POST", "/api/v1/systems", json, Endpoints.SYSTEM, Role.COORDINATOR_, 201));
        call("PUT /api/v1/systems/{system}", "PUT", "/api/v1/systems/" + system, json,
                "{\"name\":\"Permit portal 2\"}", Role.COORDINATOR_, 200);
        call("POST /api/v1/systems/{system}/retirement", "POST", "/api/v1/systems/" + system + "/retirement", json,
                "{\"retiredOn\":\"2026-06-30\",\"reason\":\"Replaced by the national platform.\"}", Role.COORDINATOR_, 200);
        String standard = id(call("POST /api/v1/standard-systems", "POST", "/api/v1/standard-systems", json, Endpoints.STANDARD,
                Role.OPERATOR_, 201));
        call("PUT /api/v1/standard-systems/{standard}", "PUT", "/api/v1/standard-systems/" + standard, json,
                "{\"name\":\"National permit platform 2\",\"owner\":\"Ministry\"}", Role.OPERATOR_, 200);

        call("POST /api/v1/catalogue/entries", "POST", "/api/v1/catalogue/entries", json, Endpoints.IMPORT, Role.OPERATOR_, 200);
        call("POST /api/v1/catalogue/entries", "POST", "/api/v1/catalogue/entries", json, Endpoints.IMPORT, Role.OPERATOR_, 200);
        call("POST /api/v1/catalogue/entries (text/csv)", "POST", "/api/v1/catalogue/entries", Endpoints.CSV, Endpoints.IMPORT_CSV,
                Role.OPERATOR_, 200);
        call("POST /api/v1/catalogue/entries (text/csv)", "POST", "/api/v1/catalogue/entries", Endpoints.CSV,
                "id,kind,owner,name\nbad\"id,EXISTING_SYSTEM,City C,Library\n", Role.OPERATOR_, 400);
        call("POST /api/v1/catalogue/publiccode (application/yaml)", "POST", "/api/v1/catalogue/publiccode", Endpoints.YAML,
                Endpoints.PUBLICCODE, Role.OPERATOR_, 200);

        call("PUT /api/v1/best-practices/{entry}", "PUT", "/api/v1/best-practices/imp-1", json,
                "{\"reason\":\"Reused by three cities.\"}", Role.REVIEWER_, 200);
        call("DELETE /api/v1/best-practices/{entry}", "DELETE", "/api/v1/best-practices/imp-1", "", null, Role.REVIEWER_, 200);
        call("PUT /api/v1/review-policy", "PUT", "/api/v1/review-policy", json,
                "{\"automaticDecisions\":true,\"minConfidence\":0.9}", Role.OPERATOR_, 200);
        call("POST /api/v1/users", "POST", "/api/v1/users", json,
                "{\"username\":\"walker\",\"password\":\"a-long-password\",\"roles\":[\"AUDITOR\"]}", Role.OPERATOR_, 201);
        call("PATCH /api/v1/users/{user}", "PATCH", "/api/v1/users/walker", json, "{\"enabled\":false}", Role.OPERATOR_, 200);
        call("PATCH /api/v1/users/{user}", "PATCH", "/api/v1/users/walker", json, "{\"enabled\":\"maybe\"}", Role.OPERATOR_, 400);
        call("POST /api/v1/node/keys/rotate", "POST", "/api/v1/node/keys/rotate", "", null, Role.OPERATOR_, 201);
        call("POST /api/v1/trust/enrolment-tokens", "POST", "/api/v1/trust/enrolment-tokens", json,
                "{\"nodeId\":\"city-z\",\"role\":\"LOCAL\"}", Role.OPERATOR_, 201);
        call("POST /api/v1/trust/certificate/renewal", "POST", "/api/v1/trust/certificate/renewal", "", null, Role.OPERATOR_, 200);
        call("POST /api/v1/trust/children/{child}/revocation", "POST", "/api/v1/trust/children/no-child/revocation", json,
                "{\"reason\":\"Decommissioned.\"}", Role.OPERATOR_, 404);

        adoptionsWalk(system);

        // Revoking needs an enrolled child, which needs a second node: TrustLifecycleTest revokes one over
        // the federation and finds its one REVOKED event in the audit trail.
        walked.add("POST /api/v1/trust/children/{child}/revocation");
        Set<String> stateChanging = Endpoints.ALL_ENDPOINTS.stream().filter(Endpoints.Endpoint::changesState)
                .map(Endpoints.Endpoint::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(stateChanging, walked, "every state-changing endpoint is walked");

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("POST /api/v1/plans", List.of("PLAN/DRAFTED"));
        expected.put("PUT /api/v1/plans/{plan}", List.of("PLAN/EDITED"));
        expected.put("DELETE /api/v1/plans/{plan}", List.of("PLAN/WITHDRAWN"));
        expected.put("POST /api/v1/plans (again)", List.of("PLAN/DRAFTED"));
        expected.put("POST /api/v1/plans/{plan}/submission", List.of("PLAN/SUBMITTED", "REVIEW_CASE/OPENED"));
        expected.put("POST /api/v1/review-cases/{case}/decision", List.of("PLAN/DECISION_APPLIED", "REVIEW_CASE/DECIDED"));
        expected.put("POST /api/v1/plans/{plan}/conditions/{planCondition}/fulfilment", List.of("CONDITION/FULFILLED"));
        expected.put("POST /api/v1/conditions/{caseCondition}/waiver", List.of("CONDITION/WAIVED"));
        expected.put("POST /api/v1/systems", List.of("SYSTEM/REGISTERED"));
        expected.put("PUT /api/v1/systems/{system}", List.of("SYSTEM/CHANGED"));
        expected.put("POST /api/v1/standard-systems", List.of("STANDARD_SYSTEM/REGISTERED"));
        expected.put("PUT /api/v1/standard-systems/{standard}", List.of("STANDARD_SYSTEM/CHANGED"));
        expected.put("POST /api/v1/catalogue/entries", List.of("CATALOGUE_IMPORT/IMPORTED"));
        expected.put("POST /api/v1/catalogue/entries (again)", List.of());
        expected.put("POST /api/v1/catalogue/entries (text/csv)", List.of("CATALOGUE_IMPORT/IMPORTED"));
        expected.put("POST /api/v1/catalogue/publiccode (application/yaml)", List.of("CATALOGUE_IMPORT/IMPORTED"));
        expected.put("PUT /api/v1/review-policy", List.of("REVIEW_POLICY/CHANGED"));
        expected.put("POST /api/v1/trust/enrolment-tokens", List.of("ENROLMENT_TOKEN/ISSUED"));
        expected.put("POST /api/v1/trust/certificate/renewal", List.of("NODE_CERTIFICATE/RENEWED"));
        expected.put("POST /api/v1/plans/{plan}/submission (again)", List.of("PLAN/SUBMITTED", "REVIEW_CASE/OPENED"));
        expected.put("POST /api/v1/review-cases/{case}/decision (again)", List.of("PLAN/DECISION_APPLIED", "REVIEW_CASE/DECIDED"));
        expected.put("PUT /api/v1/plans/{plan}/lifecycle/deliverables/{deliverable}", List.of("PLAN/LIFECYCLE_DELIVERED"));
        expected.put("POST /api/v1/plans/{plan}/lifecycle/kickoff", List.of("PLAN/LIFECYCLE_KICKED_OFF"));
        // Completion changes two records: the plan, and the existing system it becomes.
        expected.put("POST /api/v1/plans/{plan}/lifecycle/completion", List.of("PLAN/LIFECYCLE_COMPLETED", "SYSTEM/REGISTERED"));
        expected.put("POST /api/v1/plans/{plan}/lifecycle/cancellation", List.of("PLAN/LIFECYCLE_CANCELLED"));
        expected.put("POST /api/v1/systems/{system}/retirement", List.of("SYSTEM/RETIRED"));
        expected.put("PUT /api/v1/best-practices/{entry}", List.of("CATALOGUE_ENTRY/MARKED_BEST_PRACTICE"));
        expected.put("DELETE /api/v1/best-practices/{entry}", List.of("CATALOGUE_ENTRY/BEST_PRACTICE_WITHDRAWN"));
        expected.put("POST /api/v1/users", List.of("USER/CREATED"));
        expected.put("PATCH /api/v1/users/{user}", List.of("USER/CHANGED"));
        expected.put("POST /api/v1/node/keys/rotate", List.of("node_key/ROTATED", "trusted_key/TRUSTED_OWN"));
        expected.put("POST /api/v1/adoptions", List.of("ADOPTION/REQUESTED"));
        // Accepting changes two records: the adoption, and the owner's system, now used by the adopter.
        expected.put("POST /api/v1/adoptions/{adoption}/acceptance", List.of("ADOPTION/ACCEPTED", "SYSTEM/USED_BY_ADDED"));
        expected.put("POST /api/v1/adoptions/{adoption}/decline", List.of("ADOPTION/DECLINED"));
        expected.put("POST /api/v1/adoptions/{adoption}/notices", List.of("ADOPTION/NOTICE_SENT"));
        assertEquals(new TreeSet<>(expected.entrySet().stream().map(Object::toString).toList()),
                new TreeSet<>(recorded.entrySet().stream().map(Object::toString).toList()));
    }

    /** An adoption request as another node's would arrive (its seal already verified) for one of this node's entries. */
    private void incomingRequest(String adoptionId, String entryId) {
        var message = new org.preconsult.federation.model.AdoptionMessage("city-far:" + java.util.UUID.randomUUID(), adoptionId,
                "city-far", "City Far", NodeFixture.NODE_ID, org.preconsult.federation.model.MessageKind.REQUEST, entryId, null,
                null, "We would reuse it.", null, 0, null, java.time.Instant.now());
        tx.executeWrite(status -> adoptionMessages.receive(message));
    }

    /** Requests to adopt City Far's system, and answers and notifies on City Far's requests for this node's system. */
    private void adoptionsWalk(String system) {
        String json = Endpoints.JSON;
        catalogue.upsert(new org.preconsult.catalogue.model.CatalogueEntry("city-far:system:s1",
                org.preconsult.catalogue.model.EntryKind.EXISTING_SYSTEM, "City Far", "Bus tickets", "Sells bus tickets.",
                List.of(), null, "en", org.preconsult.catalogue.model.EntryStatus.OPERATING, null, "city-far", 1,
                java.time.Instant.now()));
        subtree.save(new org.preconsult.sync.infrastructure.SyncRows.SubtreeRow("city-far", "city-far", java.time.Instant.now()));
        call("POST /api/v1/adoptions", "POST", "/api/v1/adoptions", json, "{\"entryId\":\"city-far:system:s1\"}",
                Role.COORDINATOR_, 201);
        call("POST /api/v1/adoptions", "POST", "/api/v1/adoptions", json, "{\"entryId\":\"city-far:system:s1\"}",
                Role.COORDINATOR_, 409);

        String entry = NodeFixture.NODE_ID + ":system:" + system;
        incomingRequest("city-far:adoption:1", entry);
        incomingRequest("city-far:adoption:2", entry);
        call("POST /api/v1/adoptions/{adoption}/acceptance", "POST", "/api/v1/adoptions/city-far:adoption:1/acceptance", json,
                "{}", Role.OPERATOR_, 200);
        call("POST /api/v1/adoptions/{adoption}/acceptance", "POST", "/api/v1/adoptions/city-far:adoption:1/acceptance", json,
                "{}", Role.OPERATOR_, 409);
        call("POST /api/v1/adoptions/{adoption}/decline", "POST", "/api/v1/adoptions/city-far:adoption:2/decline", json,
                "{\"reason\":\"It is retired.\"}", Role.COORDINATOR_, 200);
        call("POST /api/v1/adoptions/{adoption}/notices", "POST", "/api/v1/adoptions/city-far:adoption:1/notices", json,
                "{\"text\":\"We retired the portal.\"}", Role.COORDINATOR_, 201);
        call("POST /api/v1/adoptions/{adoption}/notices", "POST", "/api/v1/adoptions/city-far:adoption:2/notices", json,
                "{\"text\":\"We retired the portal.\"}", Role.COORDINATOR_, 409);
    }
}
