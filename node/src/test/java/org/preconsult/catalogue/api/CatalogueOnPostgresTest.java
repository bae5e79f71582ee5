package org.preconsult.catalogue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.preconsult.catalogue.api.CatalogueImportApiTest.entry;
import static org.preconsult.catalogue.api.CatalogueImportApiTest.number;
import static org.preconsult.testing.NodeFixture.send;
import static org.preconsult.testing.NodeFixture.token;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

/**
 * The catalogue's SQL (V10, the search query, the details store) on a real PostgreSQL, since H2 in
 * PostgreSQL mode accepts things PostgreSQL does not (untyped parameters, escapes).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueOnPostgresTest implements TestPropertyProvider {

    EmbeddedPostgres postgres;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        postgres = NodeFixture.startPostgres();
        Map<String, String> properties = new HashMap<>(NodeFixture.nodeProperties());
        properties.putAll(NodeFixture.onPostgres(postgres));
        return properties;
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void importsReimportsAndSearches_onPostgres() {
        var client = http.toBlocking();
        String operator = token(tokens, "op", "OPERATOR");
        var batch = List.of(
                entry("pg-1", "PLAN", "Gwangju", "Flood_warning 100% coverage", List.of("Sirens"), "SAFETY", "en", null, new BigDecimal("12.5")),
                entry("pg-2", "EXISTING_SYSTEM", "Gwangju", "Library loans", List.of(), null, null, null, null));

        Reply created = send(client, json, HttpRequest.POST("/api/v1/catalogue/entries", batch).bearerAuth(operator));
        assertEquals(200, created.status(), () -> created.json().toString());
        Reply again = send(client, json, HttpRequest.POST("/api/v1/catalogue/entries", batch)
                .header("Idempotency-Key", "pg-key").bearerAuth(operator));
        assertEquals(2, number(again, "unchanged"), "12.5 stored as 12.50 still counts as unchanged");
        Reply retried = send(client, json, HttpRequest.POST("/api/v1/catalogue/entries", batch)
                .header("Idempotency-Key", "pg-key").bearerAuth(operator));
        assertEquals(again.json(), retried.json());

        String yaml = """
                publiccodeYmlVersion: "0.4"
                name: Permessi
                url: "https://example.org/permessi"
                usedBy: [Comune A, Comune A, Comune B]
                description:
                  it: {shortDescription: Pratiche edilizie, features: [CILA]}
                  en: {shortDescription: Building permits, features: [Permit intake]}
                """;
        Reply imported = send(client, json, HttpRequest.POST("/api/v1/catalogue/publiccode", yaml)
                .contentType(MediaType.of("application/yaml")).bearerAuth(operator));
        assertEquals(200, imported.status(), () -> imported.json().toString());

        assertEquals(1, number(get(client, operator, "/api/v1/catalogue/entries?q=100%25&kind=PLAN"), "totalItems"));
        assertEquals(1, number(get(client, operator, "/api/v1/catalogue/entries?q=flood_"), "totalItems"));
        assertEquals(0, number(get(client, operator, "/api/v1/catalogue/entries?q=flood_x"), "totalItems"));
        assertEquals(1, number(get(client, operator, "/api/v1/catalogue/entries?q=edilizie"), "totalItems"));
        assertEquals(3, number(get(client, operator, "/api/v1/catalogue/entries"), "totalItems"));
        Map<String, Object> permits = get(client, operator, "/api/v1/catalogue/entries/https%3A%2F%2Fexample.org%2Fpermessi").json();
        assertEquals(2, ((List<?>) permits.get("relations")).size(), "a repeated usedBy is kept once");
        assertEquals(1, ((List<?>) permits.get("translations")).size());
    }

    private Reply get(io.micronaut.http.client.BlockingHttpClient client, String token, String uri) {
        return send(client, json, HttpRequest.GET(uri).bearerAuth(token));
    }
}
