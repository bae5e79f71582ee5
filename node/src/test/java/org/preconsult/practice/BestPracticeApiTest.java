package org.preconsult.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

/** Marking catalogue entries as best practice at one node: who may, what is refused, what readers see. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BestPracticeApiTest {

    ApplicationContext central;
    ApplicationContext local;

    @BeforeAll
    void start() {
        central = start("CENTRAL", null);
        local = start("LOCAL", "localhost:1");
    }

    @AfterAll
    void stop() {
        local.close();
        central.close();
    }

    static ApplicationContext start(String role, String parent) {
        var props = new HashMap<String, Object>(NodeFixture.nodeProperties());
        props.put("preconsult.node.role", role);
        if (parent != null) {
            props.put("preconsult.node.parent", parent);
        }
        var context = ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
        return context;
    }

    static Reply send(ApplicationContext node, MutableHttpRequest<?> request, String role) {
        var client = node.createBean(HttpClient.class, node.getBean(EmbeddedServer.class).getURL());
        try {
            return NodeFixture.send(client.toBlocking(), node.getBean(JsonMapper.class),
                    NodeFixture.as(node.getBean(TokenGenerator.class), request, role));
        } finally {
            client.close();
        }
    }

    static String standardSystem(ApplicationContext node, String name) {
        var reply = send(node, HttpRequest.POST("/api/v1/standard-systems", Map.of("name", name,
                "description", name + " distributed to every municipality.", "functions", List.of("records"))), "OPERATOR");
        assertEquals(201, reply.status(), reply.json().toString());
        return (String) reply.json().get("id");
    }

    @Test
    void reviewerAtCentral_marksAnEntry_andEveryRoleFindsIt() {
        String id = standardSystem(central, "National archive service");
        var marked = send(central, HttpRequest.PUT("/api/v1/best-practices/" + id,
                Map.of("reason", "Adopted by 40 municipalities without customization.")), "REVIEWER");
        assertEquals(200, marked.status(), marked.json().toString());
        var found = send(central, HttpRequest.GET("/api/v1/best-practices?text=archive"), "SUBMITTER");
        assertEquals(200, found.status());
        assertTrue(found.toString().contains(id), found.toString());
        var none = send(central, HttpRequest.GET("/api/v1/best-practices?text=no-such-words"), "SUBMITTER");
        assertTrue(!none.toString().contains(id));
    }

    @Test
    void markWithoutReason_orByACoordinator_orOfAnUnknownEntry_isRefused_andNothingIsStored() {
        String id = standardSystem(central, "National payroll service");
        assertEquals(400, send(central, HttpRequest.PUT("/api/v1/best-practices/" + id, Map.of("reason", " ")), "REVIEWER").status());
        assertEquals(403, send(central, HttpRequest.PUT("/api/v1/best-practices/" + id, Map.of("reason", "Good.")), "COORDINATOR").status());
        assertEquals(404, send(central, HttpRequest.PUT("/api/v1/best-practices/nowhere", Map.of("reason", "Good.")), "REVIEWER").status());
        var list = send(central, HttpRequest.GET("/api/v1/best-practices?text=payroll"), "AUDITOR");
        assertTrue(!list.toString().contains(id), list.toString());
    }

    @Test
    void aLocalNode_doesNotMarkBestPractice() {
        var system = send(local, HttpRequest.POST("/api/v1/systems", Map.of("name", "Library loans",
                "description", "Loans of the city library.", "functions", List.of("loans"))), "COORDINATOR");
        String entry = NodeFixture.NODE_ID + ":system:" + system.json().get("id");
        assertEquals(409, send(local, HttpRequest.PUT("/api/v1/best-practices/" + entry, Map.of("reason", "Ours is good.")),
                "REVIEWER").status());
    }

    @Test
    void withdrawnMark_isNoLongerListed() {
        String id = standardSystem(central, "National tax portal");
        send(central, HttpRequest.PUT("/api/v1/best-practices/" + id, Map.of("reason", "Well documented.")), "OPERATOR");
        assertEquals(200, send(central, HttpRequest.DELETE("/api/v1/best-practices/" + id), "OPERATOR").status());
        var list = send(central, HttpRequest.GET("/api/v1/best-practices?text=tax"), "AUDITOR");
        assertTrue(!list.toString().contains(id), list.toString());
        assertEquals(409, send(central, HttpRequest.DELETE("/api/v1/best-practices/" + id), "OPERATOR").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void catalogueSearch_listsMarkedEntriesFirst_withTheirReason_andFiltersByBestPractice() {
        String a = standardSystem(central, "Harbour berth booking A");
        String b = standardSystem(central, "Harbour berth booking B");
        String first = a.compareTo(b) < 0 ? a : b;
        String second = a.compareTo(b) < 0 ? b : a;
        var before = send(central, HttpRequest.GET("/api/v1/catalogue/entries?q=harbour+berth"), "SUBMITTER");
        var ids = ((List<Map<String, Object>>) before.json().get("items")).stream().map(e -> e.get("id")).toList();
        assertEquals(List.of(first, second), ids, "unmarked: by id");

        send(central, HttpRequest.PUT("/api/v1/best-practices/" + second, Map.of("reason", "Runs in nine ports.")), "REVIEWER");
        var after = (List<Map<String, Object>>) send(central, HttpRequest.GET("/api/v1/catalogue/entries?q=harbour+berth"),
                "SUBMITTER").json().get("items");
        assertEquals(second, after.get(0).get("id"), "the marked entry comes first");
        var marks = (List<Map<String, Object>>) after.get(0).get("bestPractice");
        assertEquals("Runs in nine ports.", marks.get(0).get("reason"));
        assertEquals(List.of(), after.get(1).get("bestPractice"));

        var onlyMarked = send(central, HttpRequest.GET("/api/v1/catalogue/entries?q=harbour+berth&bestPractice=true"), "AUDITOR");
        assertEquals(List.of(second), ((List<Map<String, Object>>) onlyMarked.json().get("items")).stream()
                .map(e -> e.get("id")).toList());
        assertEquals(1, ((Number) onlyMarked.json().get("totalItems")).intValue());
        assertEquals(400, send(central, HttpRequest.GET("/api/v1/catalogue/entries?bestPractice=maybe"), "AUDITOR").status());
    }

    @Test
    @SuppressWarnings("unchecked")
    void redundancyCheck_ranksTheMarkedOfTwoEqualEntriesFirst_andItsEvidenceSaysItIsBestPractice() {
        String first = standardSystem(central, "Snow removal dispatch");
        String second = standardSystem(central, "Snow removal dispatch");
        var plan = Map.of("title", "Snow removal dispatch", "description", "Snow removal dispatch distributed to every municipality.",
                "functions", List.of("records"));
        var before = (List<Map<String, Object>>) send(central, HttpRequest.POST("/api/v1/redundancy-checks", plan), "REVIEWER")
                .json().get("matches");
        assertEquals(before.get(0).get("score"), before.get(1).get("score"));
        String unmarkedFirst = (String) before.get(0).get("entryId");
        String other = unmarkedFirst.equals(first) ? second : first;

        send(central, HttpRequest.PUT("/api/v1/best-practices/" + other, Map.of("reason", "Clears roads by 6 a.m.")), "OPERATOR");
        var after = (List<Map<String, Object>>) send(central, HttpRequest.POST("/api/v1/redundancy-checks", plan), "REVIEWER")
                .json().get("matches");
        assertEquals(other, after.get(0).get("entryId"));
        assertEquals(before.get(0).get("score"), after.get(0).get("score"), "the mark does not change the score");
        var evidence = (Map<String, Object>) after.get(0).get("evidence");
        var marks = (List<Map<String, Object>>) evidence.get("bestPractice");
        assertEquals("Clears roads by 6 a.m.", marks.get(0).get("reason"));

        var filtered = new HashMap<String, Object>(plan);
        filtered.put("bestPractice", true);
        var onlyMarked = (List<Map<String, Object>>) send(central, HttpRequest.POST("/api/v1/redundancy-checks", filtered),
                "REVIEWER").json().get("matches");
        assertTrue(onlyMarked.stream().allMatch(m -> !((List<?>) ((Map<String, Object>) m.get("evidence")).get("bestPractice")).isEmpty()));
        assertTrue(onlyMarked.stream().anyMatch(m -> other.equals(m.get("entryId"))));
    }
}
