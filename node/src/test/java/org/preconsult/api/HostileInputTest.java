package org.preconsult.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.identity.model.Role;
import org.preconsult.testing.NodeFixture;

/**
 * The node's own hostile-input suite: malformed requests generated over every endpoint that reads a
 * body, a path id or a query, each sent by a role that may call the endpoint. Every one must be
 * answered with a 4xx {@code application/problem+json}, and the database must be exactly as before
 * (every table's rows hashed before and after each request).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokens;
    @Inject
    TransactionOperations<Connection> tx;

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final AtomicInteger tried = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger notProblems = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    /** One malformed request: what it is, who sends it. */
    record Attack(String name, String role, MutableHttpRequest<?> request) {
    }

    private static final String COMPLETE_PLAN = "{\"title\":\"Online building permits\","
            + "\"purpose\":\"Let residents apply for building permits online and track the review of their application.\","
            + "\"functions\":[\"online application\",\"document upload\"],\"functionCode\":\"PERMITS\",\"budget\":120000000,"
            + "\"plannedStart\":\"2027-03-01\",\"plannedEnd\":\"2027-12-31\",\"platform\":\"Java web application\","
            + "\"language\":\"en\",\"disasterOrSafety\":false}";

    @SuppressWarnings("unchecked")
    @BeforeAll
    void aNodeWithOneOfEverything() {
        ids.put("plan", created(HttpRequest.POST("/api/v1/plans", COMPLETE_PLAN), Role.COORDINATOR_));
        String submitted = created(HttpRequest.POST("/api/v1/plans", COMPLETE_PLAN), Role.COORDINATOR_);
        send(HttpRequest.POST("/api/v1/plans/" + submitted + "/submission", ""), Role.COORDINATOR_);
        var cases = (List<Map<String, Object>>) send(HttpRequest.GET("/api/v1/review-cases"), Role.REVIEWER_).json().get("items");
        String decided = (String) cases.get(0).get("id");
        send(HttpRequest.POST("/api/v1/review-cases/" + decided + "/decision", Endpoints.DECISION), Role.REVIEWER_);
        String open = created(HttpRequest.POST("/api/v1/plans", COMPLETE_PLAN), Role.COORDINATOR_);
        send(HttpRequest.POST("/api/v1/plans/" + open + "/submission", ""), Role.COORDINATOR_);
        cases = (List<Map<String, Object>>) send(HttpRequest.GET("/api/v1/review-cases?status=OPEN"), Role.REVIEWER_)
                .json().get("items");
        ids.put("case", (String) cases.get(0).get("id"));
        ids.put("decidedPlan", submitted);
        var conditions = (List<Map<String, Object>>) send(HttpRequest.GET("/api/v1/plans/" + submitted), Role.COORDINATOR_)
                .json().get("conditions");
        ids.put("planCondition", (String) conditions.get(0).get("conditionId"));
        var caseConditions = (List<Map<String, Object>>) send(HttpRequest.GET("/api/v1/conditions"), Role.REVIEWER_)
                .json().get("items");
        ids.put("caseCondition", (String) caseConditions.get(0).get("conditionId"));
        ids.put("system", created(HttpRequest.POST("/api/v1/systems", Endpoints.SYSTEM), Role.COORDINATOR_));
        ids.put("standard", created(HttpRequest.POST("/api/v1/standard-systems", Endpoints.STANDARD), Role.OPERATOR_));
        send(HttpRequest.POST("/api/v1/users", "{\"username\":\"target\",\"password\":\"a-long-password\",\"roles\":[\"AUDITOR\"]}"),
                Role.OPERATOR_);
        ids.put("user", "target");
        ids.put("deliverable", "FINAL_REPORT");
        ids.put("child", "no-child");
        send(HttpRequest.POST("/api/v1/catalogue/entries", Endpoints.IMPORT), Role.OPERATOR_);
        ids.put("entry", "imp-1");
        ids.put("adoption", "no-adoption");
    }

    private NodeFixture.Reply send(MutableHttpRequest<?> request, String role) {
        if (request.getContentType().isEmpty() && request.getBody().isPresent()) {
            request.contentType(MediaType.APPLICATION_JSON);
        }
        return NodeFixture.send(http.toBlocking(), json, NodeFixture.as(tokens, request, role));
    }

    private String created(MutableHttpRequest<?> request, String role) {
        var reply = send(request, role);
        assertEquals(201, reply.status(), String.valueOf(reply.json()));
        return (String) reply.json().get("id");
    }

    private String path(Endpoints.Endpoint e) {
        String path = e.path();
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        if (e.path().contains("/conditions/{planCondition}")) {
            path = path.replace("/plans/" + ids.get("plan") + "/", "/plans/" + ids.get("decidedPlan") + "/");
        }
        return path;
    }

    private static String role(Endpoints.Endpoint e) {
        return e.anonymous() ? null : e.allowed().iterator().next().name();
    }

    // ---- the generator -------------------------------------------------------------------------

    private List<Attack> attacks() throws IOException {
        List<Attack> attacks = new ArrayList<>();
        for (var e : Endpoints.ALL_ENDPOINTS) {
            String role = role(e);
            String path = path(e);
            HttpMethod method = HttpMethod.valueOf(e.method());
            if (e.body() != null && e.contentType().equals(Endpoints.JSON)) {
                for (var body : malformedJson(e.body())) {
                    attacks.add(new Attack(e.name() + " body " + clip(body.getKey()), role,
                            HttpRequest.create(method, path).body(body.getValue()).contentType(MediaType.APPLICATION_JSON_TYPE)));
                }
                attacks.add(new Attack(e.name() + " as text/plain", role,
                        HttpRequest.create(method, path).body(e.body()).contentType(MediaType.TEXT_PLAIN_TYPE)));
                attacks.add(new Attack(e.name() + " as XML", role,
                        HttpRequest.create(method, path).body("<plan/>").contentType(MediaType.APPLICATION_XML_TYPE)));
                attacks.add(new Attack(e.name() + " invalid UTF-8", role, HttpRequest.create(method, path)
                        .body(new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})
                        .contentType(MediaType.APPLICATION_JSON_TYPE)));
            }
            if (e.contentType().equals(Endpoints.CSV)) {
                for (var csv : List.of("", "\uFEFF", "id,kind,name\n", "id,id,name\na,b,c\n", "id,kind,name\n\"unterminated,EXISTING_SYSTEM,x\n",
                        "id,kind,name\nx\"y,EXISTING_SYSTEM,Name\n", "id,kind,name\na,EXISTING_SYSTEM\n", "name\nOnly a name\n",
                        "id,kind,name,budget\na,EXISTING_SYSTEM,N,1e400\n", "id,kind,name\na,NOPE,N\n", "id,kind,name\n,EXISTING_SYSTEM,N\n",
                        "id,kind,name\na,EXISTING_SYSTEM,\u00a0\u2003\n", "\u0000\u0001\u0002")) {
                    attacks.add(new Attack(e.name() + " csv " + clip(csv), role,
                            HttpRequest.POST(path, csv).contentType(Endpoints.CSV)));
                }
            }
            if (e.contentType().equals(Endpoints.YAML)) {
                String bomb = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                        + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n";
                for (var yaml : List.of("", ":", "- a\n- b\n", "{{{", "name: [unclosed", "publiccodeYmlVersion: \"0.4\"\n",
                        "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]",
                        bomb, "name: x\nurl: not a url\n", "\u0000")) {
                    attacks.add(new Attack(e.name() + " yaml " + clip(yaml), role,
                            HttpRequest.POST(path, yaml).contentType(Endpoints.YAML)));
                }
            }
            if (e.path().contains("{")) {
                for (String bad : List.of("x".repeat(1000), "%00", "..%2F..%2Fetc%2Fpasswd", "%E2%80%8B", "'%20OR%201=1--",
                        "%F0%9F%92%A3")) {
                    String badPath = e.path().replaceAll("\\{[^}]+}", bad);
                    MutableHttpRequest<Object> request = HttpRequest.create(method, badPath);
                    if (e.body() != null) {
                        request.body(e.body()).contentType(e.contentType());
                    }
                    attacks.add(new Attack(e.name() + " id " + clip(bad), role, request));
                }
            }
            if (e.method().equals("GET") && !e.path().contains("{") && !e.anonymous()) {
                List<String> queries = new ArrayList<>(List.of("page=-1", "size=0", "size=100000", "page=abc", "size=1e3",
                        "page=2147483648", "size=-5", "page=%00"));
                if (e.path().equals("/api/v1/plans") || e.path().equals("/api/v1/review-cases") || e.path().equals("/api/v1/conditions")) {
                    queries.addAll(List.of("status=NOPE", "status=draft%27--"));
                }
                if (e.path().equals("/api/v1/catalogue/entries")) {
                    queries.addAll(List.of("kind=NOPE", "q=" + "x".repeat(5000), "bestPractice=maybe", "bestPractice=2"));
                }
                for (String query : queries) {
                    if (acceptsAnyQuery(e.path())) {
                        continue;
                    }
                    attacks.add(new Attack(e.name() + "?" + query, role, HttpRequest.GET(path + "?" + query)));
                }
            }
            if (e.path().endsWith("/redundancy-check")) {
                for (String query : List.of("limit=0", "limit=51", "limit=x", "limit=99999999999", "bestPractice=maybe")) {
                    attacks.add(new Attack(e.name() + "?" + query, role, HttpRequest.GET(path + "?" + query)));
                }
            }
            if (e.method().equals("POST") && e.body() != null && !e.anonymous()) {
                for (String key : List.of("k".repeat(1000), "k".repeat(201))) {
                    attacks.add(new Attack(e.name() + " Idempotency-Key " + clip(key), role,
                            HttpRequest.POST(path, e.body()).contentType(e.contentType()).header("Idempotency-Key", key)));
                }
            }
        }
        return attacks;
    }

    /** Lists without a filter or paging take no query; any query is ignored there, which is not an error. */
    private static boolean acceptsAnyQuery(String path) {
        return path.equals("/api/v1/review-cases/turnaround") || path.equals("/api/v1/conditions/by-government")
                || path.equals("/api/v1/review-policy") || path.startsWith("/api/v1/node/keys")
                || path.startsWith("/api/v1/node/trusted-keys") || path.startsWith("/metrics") || path.startsWith("/prometheus")
                || path.startsWith("/api/v1/statistics") || path.equals("/api/v1/lifecycle/flagged")
                || path.endsWith("/export.csv") || path.equals("/api/v1/best-practices")
                || path.equals("/api/v1/trust/children") || path.equals("/api/v1/trust/certificate")
                || path.equals("/api/v1/adoptions") || path.equals("/api/v1/adoption-notices");
    }

    /** Malformed variants of a valid JSON body: broken syntax, wrong shapes, and every field given a wrong value. */
    @SuppressWarnings("unchecked")
    private List<Map.Entry<String, String>> malformedJson(String valid) throws IOException {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        boolean array = valid.startsWith("[");
        for (String broken : List.of("", " ", "null", array ? "{}" : "[]", "{", "[", valid + " x", valid + valid,
                valid.substring(0, valid.length() - 1), "\"text\"", "12345", "true", "[".repeat(200) + "]".repeat(200),
                "{\"a\":" .repeat(100) + "1" + "}".repeat(100), "\u0000" + valid, "{\"title\":\"a\",\"title\":\"b\"}",
                array ? "[null]" : "{\"__proto__\":{}}", array ? "[[]]" : "{\"\":1}")) {
            out.add(Map.entry(broken, broken));
        }
        Object parsed = json.readValue(valid, Object.class);
        Map<String, Object> object = array ? (Map<String, Object>) ((List<Object>) parsed).get(0) : (Map<String, Object>) parsed;
        Map<String, Object> unknown = new LinkedHashMap<>(object);
        unknown.put("budjet", 5);
        out.add(Map.entry("unknown field budjet", write(array, unknown)));
        for (var field : object.keySet()) {
            for (Object wrong : wrongValues(object.get(field))) {
                Map<String, Object> mutated = new LinkedHashMap<>(object);
                mutated.put(field, wrong);
                out.add(Map.entry(field + "=" + clip(String.valueOf(wrong)), write(array, mutated)));
            }
        }
        return out;
    }

    private String write(boolean array, Map<String, Object> object) throws IOException {
        return json.writeValueAsString(array ? List.of(object) : object);
    }

    private static List<Object> wrongValues(Object valid) {
        List<Object> wrong = new ArrayList<>();
        wrong.add(List.of(valid));
        wrong.add(Map.of("x", "y"));
        if (valid instanceof String) {
            wrong.add(12345);
            wrong.add(true);
            wrong.add("x".repeat(100_001));
        } else if (valid instanceof Number) {
            wrong.add("12");
            wrong.add(true);
            wrong.add(new java.math.BigDecimal("1e400"));
            wrong.add(-1);
            wrong.add(new java.math.BigDecimal("123456789012345678901234567890"));
        } else if (valid instanceof Boolean) {
            wrong.add("maybe");
            wrong.add(1);
            wrong.add("false");
        } else if (valid instanceof List<?> list) {
            wrong.add("x");
            wrong.add(java.util.Arrays.asList((Object) null));
            wrong.add(List.of(List.of("nested")));
            wrong.add(java.util.Collections.nCopies(1_001, list.isEmpty() ? "x" : list.get(0)));
        }
        return wrong;
    }

    private static String clip(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() <= 40 ? shown : shown.substring(0, 40) + "…(" + text.length() + ")";
    }

    // ---- the run --------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyMalformedRequest_isA4xxProblem_andChangesNothing() throws IOException {
        return attacks().stream().map(attack -> dynamicTest(attack.name() + " as " + attack.role(), () -> {
            var request = attack.role() == null ? attack.request() : NodeFixture.as(tokens, attack.request(), attack.role());
            Map<String, String> before = fingerprint();
            int status;
            String contentType;
            String body;
            try {
                var response = http.toBlocking().exchange(request, String.class);
                status = response.code();
                contentType = response.getContentType().map(Object::toString).orElse("");
                body = response.body();
            } catch (HttpClientResponseException e) {
                status = e.getStatus().getCode();
                contentType = e.getResponse().getContentType().map(Object::toString).orElse("");
                body = e.getResponse().getBody(String.class).orElse("");
            }
            tried.incrementAndGet();
            Map<String, String> after = fingerprint();
            boolean changed = !before.equals(after);
            if (status >= 500) {
                serverErrors.incrementAndGet();
            }
            if (status >= 400 && !contentType.startsWith("application/problem+json")) {
                notProblems.incrementAndGet();
            }
            if (changed) {
                writes.incrementAndGet();
            }
            String name = attack.name() + ": ";
            assertTrue(status >= 400 && status < 500, name + "status " + status + ": " + clip(body));
            assertTrue(contentType.startsWith("application/problem+json"), name + "content type " + contentType + ": " + clip(body));
            assertTrue(body.contains("\"status\":" + status), name + body);
            assertTrue(!changed, name + "the request changed the tables " + before.keySet().stream()
                    .filter(t -> !before.get(t).equals(after.get(t))).toList());
        }));
    }

    @AfterAll
    void report() {
        System.out.println("Hostile input: " + tried + " requests tried, " + serverErrors + " answered 5xx, " + notProblems
                + " errors not problem+json, " + writes + " changed the database");
    }

    /** A hash of the rows of every table of the node's schema, by table. */
    private Map<String, String> fingerprint() {
        return tx.executeRead(status -> fingerprint(status.getConnection()));
    }

    private static Map<String, String> fingerprint(Connection connection) throws SQLException, java.security.NoSuchAlgorithmException {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (ResultSet tables = connection.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM \"" + table + "\" ORDER BY 1")) {
                    int columns = rows.getMetaData().getColumnCount();
                    digest.update(table.getBytes(StandardCharsets.UTF_8));
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rows.getObject(c);
                            digest.update(value instanceof byte[] bytes ? bytes
                                    : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
                hashes.put(table, HexFormat.of().formatHex(digest.digest()));
            }
        }
        return hashes;
    }
}
