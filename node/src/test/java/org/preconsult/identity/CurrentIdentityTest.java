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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.identity.infrastructure.UserRow;
import org.preconsult.identity.infrastructure.UserRows;
import org.preconsult.testing.NodeFixture;

/**
 * A credential says who signed in; what they may do is read from the user as stored now. Disabling
 * or demoting a user takes effect on the very next request of a token issued before.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurrentIdentityTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    UserRows users;

    @Override
    public Map<String, String> getProperties() {
        var props = new HashMap<>(NodeFixture.nodeProperties());
        props.put("preconsult.operator.username", "root-operator");
        props.put("preconsult.operator.password", "a-long-operator-password");
        return props;
    }

    private NodeFixture.Reply send(HttpRequest<?> request) {
        return NodeFixture.send(http.toBlocking(), json, request);
    }

    private String login(String username, String password) {
        var reply = send(HttpRequest.POST("/login", Map.of("username", username, "password", password)));
        assertEquals(200, reply.status(), "login of " + username + ": " + reply.json());
        return (String) reply.json().get("access_token");
    }

    private void createUser(String operator, String username, String password, String... roles) {
        assertEquals(201, send(HttpRequest.POST("/api/v1/users", Map.of("username", username, "password", password,
                "roles", List.of(roles))).bearerAuth(operator)).status());
    }

    @Test
    void demotedOperator_losesOperatorPowers_onTheTokenIssuedBefore() {
        String root = login("root-operator", "a-long-operator-password");
        createUser(root, "kim", "kim-password-1", "OPERATOR");
        String kim = login("kim", "kim-password-1");
        assertEquals(200, send(HttpRequest.GET("/api/v1/users").bearerAuth(kim)).status());

        assertEquals(200, send(HttpRequest.PATCH("/api/v1/users/kim", Map.of("roles", List.of("AUDITOR"))).bearerAuth(root)).status());

        var users = send(HttpRequest.GET("/api/v1/users").bearerAuth(kim));
        assertEquals(403, users.status());
        assertEquals("application/problem+json", users.contentType());
        assertEquals(403, send(HttpRequest.PUT("/api/v1/review-policy",
                Map.of("automaticDecisions", true, "minConfidence", 0.9)).bearerAuth(kim)).status());
        assertEquals(403, send(HttpRequest.POST("/api/v1/node/keys/rotate", "").bearerAuth(kim)).status());
        assertEquals(403, send(HttpRequest.GET("/prometheus").bearerAuth(kim)).status());
    }

    @Test
    void disabledUser_isLockedOut_atOnce_evenWithAValidToken() {
        String root = login("root-operator", "a-long-operator-password");
        createUser(root, "lee", "lee-password-1", "COORDINATOR");
        String lee = login("lee", "lee-password-1");
        assertEquals(201, send(HttpRequest.POST("/api/v1/plans", Map.of("title", "Before")).bearerAuth(lee)).status());

        assertEquals(200, send(HttpRequest.PATCH("/api/v1/users/lee", Map.of("enabled", false)).bearerAuth(root)).status());

        var read = send(HttpRequest.GET("/api/v1/plans").bearerAuth(lee));
        assertEquals(401, read.status());
        assertEquals("application/problem+json", read.contentType());
        assertEquals(401, send(HttpRequest.POST("/api/v1/plans", Map.of("title", "After")).bearerAuth(lee)).status());
        assertEquals(401, send(HttpRequest.POST("/login", Map.of("username", "lee", "password", "lee-password-1"))).status());
    }

    @Test
    void repeatedWrongPasswords_areLimited_with429_evenForTheRightPasswordAfterwards() {
        String root = login("root-operator", "a-long-operator-password");
        createUser(root, "park", "park-password-1", "AUDITOR");
        for (int i = 0; i < 5; i++) {
            var wrong = send(HttpRequest.POST("/login", Map.of("username", "park", "password", "guess-" + i)));
            assertEquals(401, wrong.status());
            assertEquals("application/problem+json", wrong.contentType());
        }
        var limited = send(HttpRequest.POST("/login", Map.of("username", "park", "password", "park-password-1")));
        assertEquals(429, limited.status());
        assertEquals("application/problem+json", limited.contentType());
        assertTrue(((String) limited.json().get("detail")).contains("try again"));
    }

    @Test
    void aHashWithOlderParameters_stillVerifies_andIsUpgradedAtSignIn() throws Exception {
        byte[] salt = "sixteen-byte-slt".getBytes(StandardCharsets.UTF_8);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("old-password-1".toCharArray(), salt, 210_000, 256)).getEncoded();
        String old = "pbkdf2-sha256$210000$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
        users.save(new UserRow("old-timer", old, "AUDITOR", null, true, Instant.now()));

        assertNotNull(login("old-timer", "old-password-1"));

        String upgraded = users.findById("old-timer").orElseThrow().passwordHash();
        assertTrue(upgraded.startsWith("pbkdf2-sha256$600000$"), upgraded);
        assertNotNull(login("old-timer", "old-password-1"));
    }
}
