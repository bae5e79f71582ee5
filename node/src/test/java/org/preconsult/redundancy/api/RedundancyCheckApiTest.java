package org.preconsult.redundancy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.testing.NodeFixture.send;
import static org.preconsult.testing.NodeFixture.token;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.common.api.Problem;
import org.preconsult.common.model.Outcome;
import org.preconsult.redundancy.application.RedundancyCheck;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.Evidence;
import org.preconsult.redundancy.model.Match;
import org.preconsult.redundancy.model.PlanDraft;
import org.preconsult.redundancy.model.Recommendation;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedundancyCheckApiTest implements TestPropertyProvider {

    static final Match PARKING = new Match("sys-parking", EntryKind.EXISTING_SYSTEM, "Seoul", "Parking permit system", 0.87,
            new Evidence(List.of(new Evidence.FieldMatch("name", List.of("parking", "permit"))),
                    List.of("Online payment"), true, "en→ko", false, List.of()));
    static final Match STANDARD = new Match("std-doc", EntryKind.STANDARD_SYSTEM, "Ministry", "e-Document standard", 0.41,
            new Evidence(List.of(), List.of(), false, "en→en", false, List.of()));

    /** Records what the endpoint asked for and answers with {@link #answer}. */
    static final class RecordingChecker implements RedundancyCheck {
        final List<PlanDraft> drafts = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();
        CheckResult answer;

        @Override
        public CheckResult check(PlanDraft draft, int limit) {
            drafts.add(draft);
            limits.add(limit);
            return answer;
        }
    }

    final RecordingChecker checker = new RecordingChecker();

    @MockBean(RedundancyCheck.class)
    RedundancyCheck checking() {
        return checker;
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokens;

    BlockingHttpClient client;
    String submitter;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    @BeforeAll
    void signIn() {
        client = http.toBlocking();
        submitter = token(tokens, "sub", "SUBMITTER");
    }

    @BeforeEach
    void reset() {
        checker.drafts.clear();
        checker.limits.clear();
        checker.answer = new CheckResult(List.of(PARKING, STANDARD), new Recommendation(Outcome.CONDITIONAL_APPROVAL,
                List.of("Seoul already operates a parking permit system."), PARKING, 0.8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void check_passesThePlanOn_andReturnsMatchesWithEvidenceAndRecommendation() {
        Reply reply = check(plan(null));

        assertEquals(200, reply.status(), () -> reply.json().toString());
        PlanDraft draft = checker.drafts.get(0);
        assertEquals("Resident parking permits", draft.title());
        assertEquals(List.of("Online payment", "Permit renewal"), draft.functions());
        assertEquals("PERMIT", draft.functionCode());
        assertEquals("ko", draft.language());
        assertEquals("Busan", draft.owner());
        assertEquals(0, new BigDecimal("50000").compareTo(draft.budget()));
        assertEquals(10, checker.limits.get(0), "limit defaults to 10");

        var matches = (List<Map<String, Object>>) reply.json().get("matches");
        assertEquals(2, matches.size());
        var first = matches.get(0);
        assertEquals("sys-parking", first.get("entryId"));
        assertEquals("EXISTING_SYSTEM", first.get("kind"));
        assertEquals("Seoul", first.get("owner"));
        assertEquals("Parking permit system", first.get("name"));
        assertEquals(0.87, ((Number) first.get("score")).doubleValue(), 1e-9);
        assertEquals(Map.of(
                "fields", List.of(Map.of("field", "name", "terms", List.of("parking", "permit"))),
                "sharedFunctions", List.of("Online payment"),
                "sameFunctionCode", true,
                "languagePair", "en→ko",
                "sameOwner", false,
                "bestPractice", List.of()), first.get("evidence"));
        assertEquals(List.of(), ((Map<String, Object>) matches.get(1).get("evidence")).get("fields"),
                "empty evidence lists are written out");

        var recommendation = (Map<String, Object>) reply.json().get("recommendation");
        assertEquals("CONDITIONAL_APPROVAL", recommendation.get("outcome"));
        assertEquals(List.of("Seoul already operates a parking permit system."), recommendation.get("reasons"));
        assertEquals(0.8, ((Number) recommendation.get("confidence")).doubleValue(), 1e-9);
        assertEquals(Map.of("entryId", "sys-parking", "kind", "EXISTING_SYSTEM", "owner", "Seoul",
                "name", "Parking permit system", "score", 0.87), recommendation.get("proposed"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void recommendationWithoutProposal_returnsProposedNull() {
        checker.answer = new CheckResult(List.of(), new Recommendation(Outcome.UNCONDITIONAL_APPROVAL, List.of(), null, 0.95));

        Reply reply = check(plan(3));

        assertEquals(200, reply.status());
        assertEquals(3, checker.limits.get(0));
        assertEquals(List.of(), reply.json().get("matches"));
        var recommendation = (Map<String, Object>) reply.json().get("recommendation");
        assertTrue(recommendation.containsKey("proposed"));
        assertNull(recommendation.get("proposed"));
    }

    @Test
    void limitOutside1To50_orMissingTitle_is400Problem_andNoCheckRuns() {
        for (int limit : new int[] {0, 51, -3}) {
            Reply reply = check(plan(limit));
            assertEquals(400, reply.status(), "limit " + limit);
            assertEquals(Problem.MEDIA_TYPE, reply.contentType());
            assertTrue(reply.json().get("errors").toString().contains("limit must be between 1 and 50"),
                    () -> reply.json().toString());
        }
        var untitled = plan(5);
        untitled.put("title", " ");
        untitled.put("budget", -1);
        Reply reply = check(untitled);
        assertEquals(400, reply.status());
        String errors = reply.json().get("errors").toString();
        assertTrue(errors.contains("title is required") && errors.contains("budget must be 0 or more"), errors);
        assertTrue(checker.drafts.isEmpty());
    }

    @Test
    void withoutToken_is401Problem() {
        Reply reply = send(client, json, HttpRequest.POST("/api/v1/redundancy-checks", plan(null)));
        assertEquals(401, reply.status());
        assertEquals(Problem.MEDIA_TYPE, reply.contentType());
    }

    private Reply check(Map<String, Object> plan) {
        return send(client, json, HttpRequest.POST("/api/v1/redundancy-checks", plan).bearerAuth(submitter));
    }

    private static Map<String, Object> plan(Integer limit) {
        var plan = new LinkedHashMap<String, Object>();
        plan.put("title", "Resident parking permits");
        plan.put("description", "Residents apply for and renew parking permits online.");
        plan.put("functions", List.of("Online payment", "Permit renewal"));
        plan.put("functionCode", "PERMIT");
        plan.put("language", "ko");
        plan.put("owner", "Busan");
        plan.put("budget", 50000);
        if (limit != null) {
            plan.put("limit", limit);
        }
        return plan;
    }
}
