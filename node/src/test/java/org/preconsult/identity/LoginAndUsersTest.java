package org.preconsult.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.testing.NodeFixture;

/** The first operator comes from the environment; operators create the other users; all sign in. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginAndUsersTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;

    private String dataDir;
    private Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        if (properties != null) {
            return properties;
        }
        var props = new HashMap<>(NodeFixture.nodeProperties());
        // This node signs its tokens with the secret it generates in its data directory.
        props.remove("micronaut.security.token.jwt.signatures.secret.generator.secret");
        props.put("preconsult.operator.username", "first-operator");
        props.put("preconsult.operator.password", "a-long-operator-password");
        dataDir = props.get("preconsult.data-dir");
        properties = props;
        return props;
    }

    private String login(String username, String password) {
        var reply = NodeFixture.send(http.toBlocking(), json,
                HttpRequest.POST("/login", Map.of("username", username, "password", password)));
        assertEquals(200, reply.status(), "login of " + username);
        return (String) reply.json().get("access_token");
    }

    @Test
    void operatorFromEnvironment_createsACoordinator_whoSignsInWithTheRightRole() {
        String operator = login("first-operator", "a-long-operator-password");
        var created = NodeFixture.send(http.toBlocking(), json, HttpRequest.POST("/api/v1/users",
                Map.of("username", "kim", "password", "coordinator-pass", "roles", List.of("COORDINATOR"))).bearerAuth(operator));
        assertEquals(201, created.status());

        String coordinator = login("kim", "coordinator-pass");
        assertNotNull(coordinator);
        var plan = NodeFixture.send(http.toBlocking(), json,
                HttpRequest.POST("/api/v1/plans", Map.of("title", "Draft by kim")).bearerAuth(coordinator));
        assertEquals(201, plan.status());
        var forbidden = NodeFixture.send(http.toBlocking(), json, HttpRequest.GET("/api/v1/users").bearerAuth(coordinator));
        assertEquals(403, forbidden.status());
        assertEquals("application/problem+json", forbidden.contentType());
    }

    @Test
    void wrongPassword_isRefused_andDuplicateUserIsAConflict() {
        var refused = NodeFixture.send(http.toBlocking(), json,
                HttpRequest.POST("/login", Map.of("username", "first-operator", "password", "wrong")));
        assertEquals(401, refused.status());
        String operator = login("first-operator", "a-long-operator-password");
        var body = Map.of("username", "lee", "password", "reviewer-pass", "roles", List.of("REVIEWER"));
        assertEquals(201, NodeFixture.send(http.toBlocking(), json, HttpRequest.POST("/api/v1/users", body).bearerAuth(operator)).status());
        assertEquals(409, NodeFixture.send(http.toBlocking(), json, HttpRequest.POST("/api/v1/users", body).bearerAuth(operator)).status());
        var weak = Map.of("username", "park", "password", "short", "roles", List.of("AUDITOR"));
        assertEquals(400, NodeFixture.send(http.toBlocking(), json, HttpRequest.POST("/api/v1/users", weak).bearerAuth(operator)).status());
    }

    @Test
    void tokens_areSignedWithTheNodesOwnSecret_andUnsignedOrForeignTokensAreRefused() throws Exception {
        String token = login("first-operator", "a-long-operator-password");
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.contains("HS256"), header);
        assertTrue(java.nio.file.Files.exists(java.nio.file.Path.of(dataDir, "jwt-secret")));

        String unsigned = base64Url("{\"alg\":\"none\"}") + "." + base64Url("{\"sub\":\"mallory\",\"roles\":[\"OPERATOR\"],\"exp\":4102444800}") + ".";
        assertEquals(401, NodeFixture.send(http.toBlocking(), json, HttpRequest.GET("/api/v1/users").bearerAuth(unsigned)).status());

        var foreign = new io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration("other");
        foreign.setSecret("another-node-secret-that-is-long-enough-0123456789");
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().subject("mallory").claim("roles", List.of("OPERATOR"))
                .expirationTime(new java.util.Date(4102444800000L)).build();
        String otherNodes = new io.micronaut.security.token.jwt.signature.secret.SecretSignature(foreign).sign(claims).serialize();
        assertEquals(401, NodeFixture.send(http.toBlocking(), json, HttpRequest.GET("/api/v1/users").bearerAuth(otherNodes)).status());
        assertEquals(200, NodeFixture.send(http.toBlocking(), json, HttpRequest.GET("/api/v1/plans").bearerAuth(token)).status());
    }

    @Test
    void health_answersWithoutSignIn_andReportsTheRole() {
        var health = NodeFixture.send(http.toBlocking(), json, HttpRequest.GET("/health"));
        assertEquals(200, health.status());
        assertEquals("UP", health.json().get("status"));
        assertEquals("CENTRAL", health.json().get("role"));
    }

    private static String base64Url(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aTooShortConfiguredSecret_stopsTheNode_withAMessage() {
        var props = new HashMap<String, Object>(NodeFixture.nodeProperties());
        props.remove("micronaut.security.token.jwt.signatures.secret.generator.secret");
        props.put("preconsult.jwt-secret", "too-short");
        try (var context = io.micronaut.context.ApplicationContext.run(props)) {
            var failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                    () -> context.getBean(io.micronaut.security.token.generator.TokenGenerator.class).generateToken(
                            io.micronaut.security.authentication.Authentication.build("a", List.of("AUDITOR")), 60));
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().contains("needs at least 32"), cause.getMessage());
        }
    }
}
