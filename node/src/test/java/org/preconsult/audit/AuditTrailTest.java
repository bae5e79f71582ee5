package org.preconsult.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.testing.NodeFixture.getAs;

import io.micronaut.core.type.Argument;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.audit.infrastructure.AuditEventRows;
import org.preconsult.identity.model.Role;
import org.preconsult.testing.NodeFixture;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest implements TestPropertyProvider {

    /** A changed thing as a feature would record it. */
    @Serdeable
    record PlanState(String title, String status) {
    }

    @Inject
    AuditTrail trail;
    @Inject
    CurrentActor actor;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    TokenGenerator tokens;
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    @Test
    void changeRecordedInItsTransaction_isListedForTheAuditor_newestFirst() {
        String planId = "plan-" + UUID.randomUUID();
        tx.executeWrite(status -> trail.record("alice", "plan", planId, "CREATED", null,
                new PlanState("Road maintenance app", "DRAFT")));
        tx.executeWrite(status -> trail.record("bob", "plan", planId, "SUBMITTED",
                new PlanState("Road maintenance app", "DRAFT"), new PlanState("Road maintenance app", "SUBMITTED"),
                "submitted on behalf of the department"));

        Map<String, Object> page = read("/api/v1/audit?entityType=plan&entityId=" + planId, Role.AUDITOR_);

        assertEquals(2, ((Number) page.get("totalItems")).intValue());
        var items = (java.util.List<Map<String, Object>>) page.get("items");
        assertEquals("SUBMITTED", items.get(0).get("action"));
        assertEquals("bob", items.get(0).get("actor"));
        assertEquals(NodeFixture.NODE_ID, items.get(0).get("nodeId"));
        assertEquals(Map.of("title", "Road maintenance app", "status", "DRAFT"), items.get(0).get("before"));
        assertEquals("SUBMITTED", ((Map<?, ?>) items.get(0).get("after")).get("status"));
        assertEquals("CREATED", items.get(1).get("action"));
        assertNull(items.get(1).get("before"));
    }

    @Test
    void eventsCanBeFilteredByActor_andPaged() {
        String who = "carol-" + UUID.randomUUID();
        tx.executeWrite(status -> {
            for (int i = 0; i < 3; i++) {
                trail.record(who, "system", "sys-" + i, "REGISTERED", null, Map.of("n", i));
            }
            return null;
        });

        Map<String, Object> page = read("/api/v1/audit?actor=" + who + "&page=1&size=2", Role.OPERATOR_);

        assertEquals(3, ((Number) page.get("totalItems")).intValue());
        var items = (java.util.List<Map<String, Object>>) page.get("items");
        assertEquals(1, items.size());
        assertEquals("sys-0", items.get(0).get("entityId"));
    }

    @Test
    void recordingOutsideATransaction_fails_soNoEventCanExistWithoutItsChange() {
        assertThrows(RuntimeException.class,
                () -> trail.record("alice", "plan", "p-1", "CREATED", null, Map.of("title", "x")));
    }

    @Test
    void changeThatRollsBack_leavesNoEvent() {
        String planId = "plan-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> tx.executeWrite(status -> {
            trail.record("alice", "plan", planId, "CREATED", null, Map.of("title", "x"));
            throw new IllegalStateException("the change itself failed");
        }));

        Map<String, Object> page = read("/api/v1/audit?entityId=" + planId, Role.AUDITOR_);
        assertEquals(0, ((Number) page.get("totalItems")).intValue());
    }

    @Test
    void submitter_isForbidden_andAnonymous_mustSignIn() {
        var forbidden = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(getAs(tokens, "/api/v1/audit", Role.SUBMITTER_)));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus());

        var anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/audit")));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }

    @Test
    void theTrailHasNoWayToChangeOrRemoveAnEvent() {
        assertFalse(CrudRepository.class.isAssignableFrom(AuditEventRows.class));
        assertTrue(Arrays.stream(AuditEventRows.class.getMethods()).map(m -> m.getName().toLowerCase())
                .noneMatch(name -> name.startsWith("update") || name.startsWith("delete") || name.startsWith("remove")),
                "the audit repository may only save and find");
    }

    @Test
    void actorOutsideARequest_isTheSystem_andFederationChangesNameTheirNode() {
        assertEquals(CurrentActor.SYSTEM, actor.current());
        assertEquals("federation:central", CurrentActor.federation("central"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String uri, String role) {
        return http.toBlocking().retrieve(getAs(tokens, uri, role), Argument.mapOf(String.class, Object.class));
    }
}
