package org.preconsult.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.identity.model.Role;
import org.preconsult.testing.NodeFixture;

/** Requests a careless or hostile client sends are refused with a problem naming what to fix. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StrictRequestsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    private NodeFixture.Reply send(MutableHttpRequest<?> request, String... roles) {
        return NodeFixture.send(http.toBlocking(), json, roles.length == 0 ? request : NodeFixture.as(tokens, request, roles));
    }

    private NodeFixture.Reply postPlan(String body) {
        return send(HttpRequest.POST("/api/v1/plans", body).contentType(MediaType.APPLICATION_JSON), Role.COORDINATOR_);
    }

    private static void assertProblem(int status, NodeFixture.Reply reply) {
        assertEquals(status, reply.status(), String.valueOf(reply.json()));
        assertEquals("application/problem+json", reply.contentType(), String.valueOf(reply.json()));
        assertEquals(status, ((Number) reply.json().get("status")).intValue());
    }

    @SuppressWarnings("unchecked")
    private static String firstField(NodeFixture.Reply reply) {
        var errors = (List<Map<String, Object>>) reply.json().get("errors");
        return errors == null || errors.isEmpty() ? null : (String) errors.get(0).get("field");
    }

    @Test
    void trailingGarbageAfterTheObject_isRefused() {
        assertProblem(400, postPlan("{\"title\":\"Permits\"} x"));
        assertProblem(400, postPlan("{\"title\":\"Permits\"}{\"title\":\"Again\"}"));
    }

    @Test
    void brokenEmptyAndNullBodies_areProblems() {
        assertProblem(400, postPlan("{\"title\":"));
        assertProblem(400, postPlan(""));
        assertProblem(400, postPlan("null"));
        assertProblem(400, postPlan("[]"));
        assertProblem(400, postPlan("{\"title\":\"a\",\"title\":\"b\"}"));
    }

    @Test
    void scalarsAreNotCoerced_andTheFieldIsNamed() {
        var numberAsDate = postPlan("{\"title\":\"Permits\",\"plannedStart\":20270101}");
        assertProblem(400, numberAsDate);
        assertEquals("plannedStart", firstField(numberAsDate));
        var textAsBoolean = postPlan("{\"title\":\"Permits\",\"disasterOrSafety\":\"maybe\"}");
        assertProblem(400, textAsBoolean);
        assertEquals("disasterOrSafety", firstField(textAsBoolean));
        var unwrapped = postPlan("{\"title\":[\"Permits\"]}");
        assertProblem(400, unwrapped);
        assertEquals("title", firstField(unwrapped));
        var numberAsText = postPlan("{\"title\":12}");
        assertProblem(400, numberAsText);
    }

    @Test
    void unknownFieldsAndEnumValues_areNamed() {
        var typo = postPlan("{\"title\":\"Permits\",\"budjet\":5}");
        assertProblem(400, typo);
        assertEquals("budjet", firstField(typo));
        var policy = send(HttpRequest.PUT("/api/v1/review-policy", "{\"automaticDecisions\":\"maybe\",\"minConfidence\":0.9}")
                .contentType(MediaType.APPLICATION_JSON), Role.OPERATOR_);
        assertProblem(400, policy);
        assertEquals("automaticDecisions", firstField(policy));
        var status = send(HttpRequest.GET("/api/v1/plans?status=NOPE"), Role.COORDINATOR_);
        assertProblem(400, status);
    }

    @Test
    void moneyAndDatesOutOfRange_areRefusedBeforeTheDatabase() {
        for (String budget : List.of("1e19", "123456789012345678", "1e400", "0.001", "-1")) {
            var reply = postPlan("{\"title\":\"Permits\",\"budget\":" + budget + "}");
            assertProblem(400, reply);
            assertEquals("budget", firstField(reply), budget);
        }
        assertProblem(400, postPlan("{\"title\":\"Permits\",\"plannedStart\":\"+999999999-01-01\"}"));
        assertProblem(400, postPlan("{\"title\":\"Permits\",\"plannedStart\":\"9999-01-01\"}"));
        assertProblem(400, postPlan("{\"title\":\"Permits\",\"plannedStart\":\"2027-02-30\"}"));
        assertEquals(201, postPlan("{\"title\":\"Permits\",\"budget\":99999999999999999.99,\"plannedStart\":\"2027-01-01\"}").status());
    }

    @Test
    void titlesOfUnicodeSpacesOnly_areBlank() {
        for (String blank : List.of("\u00a0\u00a0", "\u2003", "\u200b", " \u3000 ")) {
            var reply = postPlan("{\"title\":\"" + blank + "\"}");
            assertProblem(400, reply);
            assertEquals("title", firstField(reply));
        }
    }

    @Test
    void overlongHeadersAndNamesAndNullItems_areProblemsNotFailures() {
        var longKey = send(HttpRequest.POST("/api/v1/plans", Map.of("title", "Permits"))
                .header("Idempotency-Key", "k".repeat(1000)), Role.COORDINATOR_);
        assertProblem(400, longKey);
        var longName = send(HttpRequest.POST("/api/v1/users",
                Map.of("username", "long-name", "password", "long-enough-pw", "displayName", "n".repeat(201),
                        "roles", List.of("AUDITOR"))), Role.OPERATOR_);
        assertProblem(400, longName);
        var nullCondition = send(HttpRequest.POST("/api/v1/review-cases/none/decision",
                "{\"outcome\":\"CONDITIONAL_APPROVAL\",\"reasons\":[\"r\"],\"conditions\":[null]}")
                .contentType(MediaType.APPLICATION_JSON), Role.REVIEWER_);
        assertProblem(400, nullCondition);
    }

    @Test
    void frameworkErrors_areProblemsWithTheRightStatus() {
        assertProblem(404, send(HttpRequest.GET("/api/v1/nothing-here"), Role.COORDINATOR_));
        assertProblem(404, send(HttpRequest.GET("/api/v1/nothing-here")));
        assertProblem(405, send(HttpRequest.PATCH("/api/v1/plans/x", "{}"), Role.COORDINATOR_));
        assertProblem(415, send(HttpRequest.POST("/api/v1/plans", "title=x").contentType(MediaType.APPLICATION_FORM_URLENCODED),
                Role.COORDINATOR_));
        assertProblem(413, postPlan("{\"title\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}"));
        assertProblem(404, send(HttpRequest.GET("/beans"), Role.OPERATOR_));
        assertProblem(404, send(HttpRequest.GET("/routes"), Role.OPERATOR_));
        assertProblem(401, send(HttpRequest.GET("/api/v1/plans")));
        assertProblem(401, send(HttpRequest.POST("/login", Map.of("username", "nobody", "password", "wrong-password"))));
    }

    @Test
    void overlongUrlsAndHeaders_areProblemsToo() {
        var longUrl = send(HttpRequest.GET("/api/v1/plans?status=" + "x".repeat(20_000)), Role.COORDINATOR_);
        assertTrue(longUrl.status() == 413 || longUrl.status() == 414 || longUrl.status() == 400, String.valueOf(longUrl.status()));
        assertEquals("application/problem+json", longUrl.contentType());
        var longHeader = send(HttpRequest.GET("/api/v1/plans").header("X-Padding", "x".repeat(20_000)), Role.COORDINATOR_);
        assertTrue(longHeader.status() == 413 || longHeader.status() == 431 || longHeader.status() == 400,
                String.valueOf(longHeader.status()));
        assertEquals("application/problem+json", longHeader.contentType());
    }

    @Test
    void theLastPossiblePage_isAnEmptyPage_notAFailure() {
        for (String list : List.of("/api/v1/plans", "/api/v1/systems", "/api/v1/review-cases", "/api/v1/conditions",
                "/api/v1/audit", "/api/v1/catalogue/entries", "/api/v1/users", "/api/v1/node/rejected-decisions")) {
            var reply = send(HttpRequest.GET(list + "?page=2147483647&size=200"), Role.OPERATOR_, Role.AUDITOR_);
            assertTrue(reply.status() == 200 || reply.status() == 400, list + ": " + reply.status() + " " + reply.json());
            if (reply.status() == 200) {
                assertEquals(List.of(), reply.json().get("items"), list);
            } else {
                assertEquals("application/problem+json", reply.contentType());
            }
        }
    }

    @Test
    void httpBasic_isNotAccepted() {
        var basic = send(HttpRequest.GET("/api/v1/plans").basicAuth("operator", "operator-password"));
        assertProblem(401, basic);
    }
}
