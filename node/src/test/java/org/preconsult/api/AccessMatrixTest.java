package org.preconsult.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.identity.model.Role;
import org.preconsult.testing.NodeFixture;

/**
 * The one access table ({@link Endpoints}) is what the node does: every endpoint is called as every
 * role and as nobody, and the README's table says the same; no route of the node is left out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TokenGenerator tokens;
    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    /** A request to the endpoint, its path ids filled with ids that exist nowhere. */
    static MutableHttpRequest<?> request(Endpoints.Endpoint e, Map<String, String> ids) {
        String path = e.path();
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.valueOf(e.method()), path);
        if (e.body() != null) {
            request.body(e.body()).contentType(e.contentType());
        }
        return request;
    }

    static final Map<String, String> NOWHERE = Map.ofEntries(
            Map.entry("plan", "no-plan"),
            Map.entry("planCondition", "no-condition"),
            Map.entry("system", "no-system"),
            Map.entry("standard", "no-standard"),
            Map.entry("entry", "no-entry"),
            Map.entry("case", "no-case"),
            Map.entry("caseCondition", "no-condition"),
            Map.entry("user", "no-user"),
            Map.entry("metric", "jvm.memory.used"),
            Map.entry("deliverable", "FINAL_REPORT"),
            Map.entry("child", "no-child"),
            Map.entry("adoption", "no-adoption"));

    private int status(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void everyEndpointAsEveryRoleAndAsNobody_answersAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var e : Endpoints.ALL_ENDPOINTS) {
            for (Role role : Role.values()) {
                int status = status(NodeFixture.as(tokens, request(e, NOWHERE), role.name()));
                boolean allowed = e.anonymous() || e.allowed().contains(role);
                boolean ok = e.anonymous() ? status != 403 && status < 500
                        : allowed ? status != 401 && status != 403 && status < 500 : status == 403;
                if (!ok) {
                    wrong.add(e.name() + " as " + role + ": " + status);
                }
                checked++;
            }
            int status = status(request(e, NOWHERE));
            boolean ok = e.anonymous() ? status != 403 && status < 500 : status == 401;
            if (!ok) {
                wrong.add(e.name() + " without a token: " + status);
            }
            checked++;
        }
        assertEquals(List.of(), wrong);
        System.out.println("Access matrix: " + Endpoints.ALL_ENDPOINTS.size() + " endpoints x "
                + (Role.values().length + 1) + " identities = " + checked + " requests checked");
    }

    @Test
    void everyRouteOfTheNode_isInTheTable() {
        Set<String> table = Endpoints.ALL_ENDPOINTS.stream()
                .map(e -> e.method() + " " + e.path().replaceAll("\\{[^}]+}", "{}")).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (var route : router.uriRoutes().toList()) {
            String path = route.getUriMatchTemplate().toString().replaceAll("\\{[^}]+}", "{}");
            if (path.startsWith("/swagger") || route.getHttpMethodName().equals("HEAD")) {
                continue;
            }
            // The web UI's pages sit outside /api; their sessions, roles and CSRF rules are tested by WebUiTest.
            if (!path.startsWith("/api/") && !Set.of("/health", "/login", "/prometheus", "/metrics", "/metrics/{}").contains(path)) {
                continue;
            }
            String name = route.getHttpMethodName() + " " + path;
            if (!table.contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "routes not in the access table of Endpoints");
    }

    @Test
    void theReadmeTable_isTheAccessTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("<!-- access-table:start -->");
        int end = readme.indexOf("<!-- access-table:end -->");
        if (start < 0 || end < start) {
            Files.writeString(Path.of("target", "access-table.md"), table() + "\n");
        }
        assertTrue(start >= 0 && end > start, "README.md has no access table between its markers");
        String documented = readme.substring(start + "<!-- access-table:start -->".length(), end).strip();
        if (!table().equals(documented)) {
            Files.writeString(Path.of("target", "access-table.md"), table() + "\n");
        }
        assertEquals(table(), documented, "regenerate the README's access table from Endpoints");
    }

    /** The README's table as this test expects it, so that it can be pasted when the table changes. */
    static String table() {
        StringBuilder out = new StringBuilder("| endpoint |");
        for (Role role : Role.values()) {
            out.append(" ").append(role.name()).append(" |");
        }
        out.append("\n|---|");
        out.append("---|".repeat(Role.values().length));
        for (var e : Endpoints.ALL_ENDPOINTS) {
            if (e.anonymous()) {
                continue;
            }
            out.append("\n| `").append(e.name()).append("` |");
            for (Role role : Role.values()) {
                out.append(e.allowed().contains(role) ? " yes |" : " – |");
            }
        }
        return out.toString();
    }
}
