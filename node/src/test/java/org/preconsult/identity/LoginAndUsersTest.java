package org.preconsult.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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

    @Override
    public Map<String, String> getProperties() {
        var props = new HashMap<>(NodeFixture.nodeProperties());
        props.put("preconsult.operator.username", "first-operator");
        props.put("preconsult.operator.password", "a-long-operator-password");
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
}
