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
