package org.preconsult.catalogue.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

/** Exports read back by the imports of another node give the same entries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportRoundTripTest {

    static final List<String> FIELDS = List.of("id", "kind", "owner", "name", "description", "functions",
            "functionCode", "language", "status", "budget");

    ApplicationContext source;
    ApplicationContext target;

    @BeforeAll
    void startNodes() {
        source = startNode();
        target = startNode();
    }

    @AfterAll
    void stopNodes() {
        source.close();
        target.close();
    }

    static ApplicationContext startNode() {
        var props = new HashMap<String, Object>(NodeFixture.nodeProperties());
        props.put("preconsult.node.role", "CENTRAL");
        return ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
    }

    static HttpClient client(ApplicationContext node) {
        return node.createBean(HttpClient.class, node.getBean(EmbeddedServer.class).getURL());
    }

    static Reply send(ApplicationContext node, MutableHttpRequest<?> request, String role) {
        try (var client = client(node)) {
            return NodeFixture.send(client.toBlocking(), node.getBean(JsonMapper.class),
                    NodeFixture.as(node.getBean(TokenGenerator.class), request, role));
        }
    }

    static String text(ApplicationContext node, String uri) {
        try (var client = client(node)) {
            return client.toBlocking().retrieve(NodeFixture.as(node.getBean(TokenGenerator.class), HttpRequest.GET(uri), "AUDITOR"));
        }
    }

    static Map<String, Object> entry(ApplicationContext node, String id) {
        var reply = send(node, HttpRequest.GET("/api/v1/catalogue/entries/" + URLEncoder.encode(id, StandardCharsets.UTF_8)), "AUDITOR");
        assertEquals(200, reply.status(), id + ": " + reply.json());
        Map<String, Object> fields = new LinkedHashMap<>();
        FIELDS.forEach(f -> fields.put(f, reply.json().get(f)));
        return fields;
    }

    static Map<String, Object> entry(String id, String owner, String description, List<String> functions, Object budget) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("kind", "EXISTING_SYSTEM");
        e.put("owner", owner);
        e.put("name", "System " + id);
        e.put("description", description);
        e.put("functions", functions);
        e.put("functionCode", "CODE-" + id);
        e.put("language", "en");
        e.put("status", "OPERATING");
        e.put("budget", budget);
        return e;
    }

    @Test
    void catalogueCsv_importedAtAnotherNode_givesTheSameEntries() {
        var entries = List.of(
                entry("rt-1", "City of \"Quotes\", Inc.", "Line one, with a comma.\nLine two; and \"quoted\" words.",
                        List.of("intake", "payments, online"), 1234.5),
                entry("rt-2", null, "", List.of(), null),
                entry("rt-3", "Provincia di Esempio", "Gestione delle pratiche edilizie", List.of("pratiche"), 0));
        var imported = send(source, HttpRequest.POST("/api/v1/catalogue/entries", entries), "OPERATOR");
        assertEquals(200, imported.status(), imported.json().toString());

        String csv = text(source, "/api/v1/catalogue/export.csv");
        assertTrue(csv.startsWith("id,kind,owner,name,description,functions,functionCode,language,status,budget"), csv);
        var reimported = send(target, HttpRequest.POST("/api/v1/catalogue/entries", csv).contentType("text/csv"), "OPERATOR");
        assertEquals(200, reimported.status(), reimported.json().toString());
        for (String id : List.of("rt-1", "rt-2", "rt-3")) {
            assertEquals(entry(source, id), entry(target, id));
        }
    }

    @Test
    void registeredSystem_asPubliccodeYml_comesBackAsTheSameEntry() {
        var system = send(source, HttpRequest.POST("/api/v1/systems", Map.of("name", "Wedding venue bookings",
                "description", "Book a municipal wedding venue.\n\nResidents choose a venue and date, pay the fee online "
                        + "and receive the confirmation by e-mail.",
                "functions", List.of("venue calendar", "online payment", "confirmation e-mail"),
                "functionCode", "CIVIL-REGISTRY", "language", "en")), "COORDINATOR");
        assertEquals(201, system.status(), system.json().toString());
        String id = (String) system.json().get("id");
        String entryId = NodeFixture.NODE_ID + ":system:" + id;

        String yaml = text(source, "/api/v1/systems/" + id + "/publiccode.yml");
        assertTrue(yaml.contains("publiccodeYmlVersion: '0.4'"), yaml);
        var reimported = send(target, HttpRequest.POST("/api/v1/catalogue/publiccode", yaml)
                .contentType(MediaType.of("application/yaml")), "OPERATOR");
        assertEquals(200, reimported.status(), reimported.json().toString());

        var original = entry(source, entryId);
        var copy = entry(target, entryId);
        // The publiccode import knows two statuses: an operating system comes back ACTIVE.
        original.put("status", "ACTIVE");
        assertEquals(original, copy);
    }

    @Test
    void registryCsv_holdsThisGovernmentsSystems_andImportsAtAnotherNode() {
        var system = send(source, HttpRequest.POST("/api/v1/systems", Map.of("name", "Street market permits",
                "description", "Permits for street market stalls.", "functions", List.of("stall permits"))), "COORDINATOR");
        String entryId = NodeFixture.NODE_ID + ":system:" + system.json().get("id");
        String csv = text(source, "/api/v1/systems/export.csv");
        assertTrue(csv.contains(entryId), csv);
        assertTrue(!csv.contains("rt-1"), "imported entries are not this government's systems");
        var reimported = send(target, HttpRequest.POST("/api/v1/catalogue/entries", csv).contentType("text/csv"), "OPERATOR");
        assertEquals(200, reimported.status(), reimported.json().toString());
        assertEquals(entry(source, entryId), entry(target, entryId));
    }
}
