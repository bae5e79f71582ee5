package org.preconsult.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.preconsult.testing.NodeFixture.Reply;

/**
 * The HTTP API of the node under test as a test calls it: as a user with a role, or as nobody,
 * reading every answer (error bodies included) as JSON without throwing.
 */
@Singleton
public class NodeClient {

    private final HttpClient http;
    private final TokenGenerator tokens;
    private final JsonMapper json;
    private final javax.sql.DataSource dataSource;

    NodeClient(@Client("/") HttpClient http, TokenGenerator tokens, JsonMapper json, javax.sql.DataSource dataSource) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
        this.dataSource = dataSource;
    }

    /** A plan of this node, drafted, submitted and decided through the API, and its review case. */
    public record DecidedPlan(String planId, String caseId) {
    }

    /**
     * Drafts a plan of this node with the given title and function code, submits it, and has a
     * reviewer record the decision (a map as the decision API takes it); fails the test unless the
     * decision is recorded.
     */
    @SuppressWarnings("unchecked")
    public DecidedPlan decidedPlan(String title, String functionCode, Map<String, Object> decision) {
        Map<String, Object> plan = new java.util.HashMap<>();
        plan.put("title", title);
        plan.put("purpose", "Residents of the " + title + " area apply online and follow their case without visiting an office.");
        plan.put("functions", List.of("online application", "case tracking"));
        plan.put("functionCode", functionCode);
        plan.put("budget", 40_000_000);
        plan.put("plannedStart", "2027-03-01");
        plan.put("plannedEnd", "2027-12-31");
        plan.put("platform", "Java web application");
        plan.put("language", "en");
        String id = (String) send(HttpRequest.POST("/api/v1/plans", plan), "COORDINATOR").json().get("id");
        var submitted = send(HttpRequest.POST("/api/v1/plans/" + id + "/submission", Map.of()), "COORDINATOR");
        if (submitted.status() != 200) {
            throw new AssertionError("submission answered " + submitted.status() + ": " + submitted.json());
        }
        var cases = (List<Map<String, Object>>) send(HttpRequest.GET("/api/v1/review-cases?status=OPEN&size=200"), "REVIEWER")
                .json().get("items");
        String caseId = (String) cases.stream().filter(c -> id.equals(((Map<String, Object>) c.get("plan")).get("planId")))
                .findFirst().orElseThrow().get("id");
        var decided = send(HttpRequest.POST("/api/v1/review-cases/" + caseId + "/decision", decision), "REVIEWER");
        if (decided.status() != 200) {
            throw new AssertionError("the decision answered " + decided.status() + ": " + decided.json());
        }
        return new DecidedPlan(id, caseId);
    }

    /** How many audit events of the action the node recorded on the entity. */
    public long audited(String entityId, String action) {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var s = c.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE entity_id = ? AND action = ?")) {
            s.setString(1, entityId);
            s.setString(2, action);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request as a user with the given roles. */
    public Reply send(HttpRequest<?> request, String... roles) {
        return NodeFixture.send(http.toBlocking(), json, NodeFixture.as(tokens, (MutableHttpRequest<?>) request, roles));
    }

    /** Sends the request as a user with the given roles and returns the body as text (throws on 4xx and 5xx). */
    public HttpResponse<String> text(HttpRequest<?> request, String... roles) {
        return http.toBlocking().exchange(NodeFixture.as(tokens, (MutableHttpRequest<?>) request, roles), String.class);
    }

    /** Sends the request as a user with the given roles and reads a JSON array answer. */
    public List<Map<String, Object>> list(HttpRequest<?> request, String... roles) {
        try {
            return json.readValue(text(request, roles).body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node's /health, as a monitor reads it. */
    public Map<String, Object> health() {
        return anonymous(HttpRequest.GET("/health")).json();
    }

    /** The position in its parent's feed up to which the node has applied, as /health shows it (-1 without a parent). */
    @SuppressWarnings("unchecked")
    public long feedCursor() {
        var parent = (Map<String, Object>) health().get("parent");
        return parent == null ? -1 : ((Number) parent.get("feedCursor")).longValue();
    }

    /** Sends the request without credentials. */
    public Reply anonymous(HttpRequest<?> request) {
        return NodeFixture.send(http.toBlocking(), json, request);
    }
}
