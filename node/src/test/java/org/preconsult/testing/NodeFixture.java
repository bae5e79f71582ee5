package org.preconsult.testing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What API tests of one node need: properties for a node of its own (temporary data directory,
 * private in-memory database, random ports, a test JWT secret), tokens for a role, and JSON reading.
 */
public final class NodeFixture {

    /** Test-only secret; at least 256 bits, as HS256 requires. */
    public static final String JWT_SECRET = "test-secret-of-at-least-thirty-two-characters-0123456789";

    /** The id of a node started by a test. */
    public static final String NODE_ID = "test-node";

    private NodeFixture() {
    }

    /** Properties of a node with a database and data directory no other test shares. */
    public static Map<String, String> nodeProperties() {
        try {
            String unique = UUID.randomUUID().toString().replace("-", "");
            return Map.of(
                    "preconsult.data-dir", Files.createTempDirectory("preconsult-test").toString(),
                    "datasources.default.url", "jdbc:h2:mem:" + unique
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "preconsult.node.id", NODE_ID,
                    "micronaut.server.port", "-1",
                    "grpc.server.port", "0",
                    "micronaut.security.token.jwt.signatures.secret.generator.secret", JWT_SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Properties of a node of the given role ({@code LOCAL}, {@code PROVINCIAL}, {@code CENTRAL}) with
     * a database and data directory of its own, and further settings given as key, value, key, value.
     */
    public static Map<String, String> nodeProperties(String role, String... settings) {
        if (settings.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in pairs of key and value");
        }
        Map<String, String> properties = new HashMap<>(nodeProperties());
        properties.put("preconsult.node.role", role);
        for (int i = 0; i < settings.length; i += 2) {
            properties.put(settings[i], settings[i + 1]);
        }
        return properties;
    }

    /** The datasource settings of a node whose database is the given PostgreSQL. */
    public static Map<String, String> onPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres) {
        return Map.of("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.username", "postgres",
                "datasources.default.password", "");
    }

    /**
     * A real PostgreSQL for a test, with commits that are stored before they are acknowledged (the
     * node refuses to start on a database that would lose acknowledged commits).
     */
    public static io.zonky.test.db.postgres.embedded.EmbeddedPostgres startPostgres() {
        try {
            return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plan draft with every field review needs, as a coordinator would send it to the API. */
    public static Map<String, Object> completePlan(String title, String purpose, long budget) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("title", title);
        plan.put("purpose", purpose);
        plan.put("functions", List.of("online application", "case tracking"));
        plan.put("budget", budget);
        plan.put("plannedStart", "2027-02-01");
        plan.put("plannedEnd", "2027-09-30");
        plan.put("platform", "Web application");
        return plan;
    }

    /** A bearer token of a user with the given roles, valid for an hour. */
    public static String token(TokenGenerator tokens, String user, String... roles) {
        return tokens.generateToken(Authentication.build(user, List.of(roles)), 3600)
                .orElseThrow(() -> new IllegalStateException("No token generated; is the JWT secret set?"));
    }

    /** The request with a bearer token for a user with the given roles. */
    public static <T> MutableHttpRequest<T> as(TokenGenerator tokens, MutableHttpRequest<T> request, String... roles) {
        return request.bearerAuth(token(tokens, "user-" + String.join("-", roles).toLowerCase(), roles));
    }

    public static MutableHttpRequest<?> getAs(TokenGenerator tokens, String uri, String... roles) {
        return as(tokens, HttpRequest.GET(uri), roles);
    }

    /** The response: status and body (error bodies included), without throwing on 4xx and 5xx. */
    public record Reply(int status, String contentType, Map<String, Object> json) {
    }

    /** Sends the request and reads the JSON body, whatever the status. */
    public static Reply send(BlockingHttpClient client, JsonMapper json, HttpRequest<?> request) {
        try {
            var response = client.exchange(request, String.class);
            return new Reply(response.code(), response.getContentType().map(Object::toString).orElse(null),
                    read(json, response.body()));
        } catch (HttpClientResponseException e) {
            var body = e.getResponse().getBody(String.class).orElse(null);
            return new Reply(e.getStatus().getCode(), e.getResponse().getContentType().map(Object::toString).orElse(null),
                    read(json, body));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }
}
