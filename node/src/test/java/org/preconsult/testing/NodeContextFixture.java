package org.preconsult.testing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Settings for a node started in a test: its own temporary data directory and in-memory database. */
public final class NodeContextFixture {

    public static final String NODE_ID = "test-node";

    private NodeContextFixture() {
    }

    public static Map<String, String> properties() {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("preconsult-node-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "preconsult.data-dir", dataDir.toString(),
                "preconsult.node.id", NODE_ID,
                "datasources.default.url", "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "micronaut.server.port", "-1",
                "grpc.server.port", "0",
                "micronaut.security.token.jwt.signatures.secret.generator.secret",
                "a-test-secret-that-is-at-least-32-characters-long");
    }

    /** The request with a bearer token for a user with the given roles. */
    public static <T> MutableHttpRequest<T> as(TokenGenerator tokens, MutableHttpRequest<T> request, String... roles) {
        String token = tokens.generateToken(Authentication.build("user-" + String.join("-", roles).toLowerCase(),
                List.of(roles)), 3600).orElseThrow();
        return request.bearerAuth(token);
    }

    public static MutableHttpRequest<?> getAs(TokenGenerator tokens, String uri, String... roles) {
        return as(tokens, HttpRequest.GET(uri), roles);
    }
}
