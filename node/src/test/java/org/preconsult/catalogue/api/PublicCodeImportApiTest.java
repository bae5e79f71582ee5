package org.preconsult.catalogue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.catalogue.api.CatalogueImportApiTest.errorFields;
import static org.preconsult.catalogue.api.CatalogueImportApiTest.number;
import static org.preconsult.testing.NodeFixture.send;
import static org.preconsult.testing.NodeFixture.token;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.common.api.Problem;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicCodeImportApiTest implements TestPropertyProvider {

    static final String PERMITS_URL = "https://github.com/comune-di-esempio/sportello-permessi";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokens;

    BlockingHttpClient client;
    String operator;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    @BeforeAll
    void signIn() {
        client = http.toBlocking();
        operator = token(tokens, "op", "OPERATOR");
    }

    @Test
    @SuppressWarnings("unchecked")
    void italianPermitApp_isImportedWithEnglishFirst_andItalianAsTranslation() {
        Reply reply = importYaml(fixture("comune-permessi-edilizi.yml"), "application/yaml", null);

        assertEquals(200, reply.status(), () -> reply.json().toString());
        assertEquals(1, number(reply, "created"));
        Reply found = get("/api/v1/catalogue/entries/" + URLEncoder.encode(PERMITS_URL, StandardCharsets.UTF_8));
        assertEquals(200, found.status(), () -> "an id that is a URL is found percent-encoded: " + found.json());
        Map<String, Object> entry = found.json();
        assertEquals(PERMITS_URL, entry.get("id"));
        assertEquals("EXISTING_SYSTEM", entry.get("kind"));
        assertEquals("Sportello Permessi Edilizi", entry.get("name"));
        assertEquals("Comune di Esempio", entry.get("owner"));
        assertEquals("en", entry.get("language"));
        assertEquals("ACTIVE", entry.get("status"));
        assertEquals("permit-management", entry.get("functionCode"));
        String description = entry.get("description").toString();
        assertTrue(description.startsWith("Online submission and processing of building permit applications."));
        assertTrue(description.contains("issues the permit"), "the long description follows the short one");
        assertEquals(List.of("Online submission of building permit applications", "Development fee calculation",
                "Digital signature of drawings", "Automatic registration in the records office"), entry.get("functions"));

        var translations = (List<Map<String, Object>>) entry.get("translations");
        assertEquals(1, translations.size());
        assertEquals("it", translations.get(0).get("language"));
        assertEquals("Sportello Permessi Edilizi", translations.get(0).get("name"));
        assertTrue(translations.get(0).get("description").toString().startsWith("Presentazione e gestione online"));
        assertEquals(4, ((List<?>) translations.get(0).get("functions")).size());

        assertEquals(List.of(
                Map.of("type", "USED_BY", "target", "Comune di Esempio"),
                Map.of("type", "USED_BY", "target", "Comune di Altrove"),
                Map.of("type", "USED_BY", "target", "Unione dei Comuni della Valle"),
                Map.of("type", "IS_BASED_ON", "target", "https://github.com/italia/procedimenti-amministrativi")),
                entry.get("relations"));

        assertEquals(1, number(get("/api/v1/catalogue/entries?q=pratiche"), "totalItems"),
                "the text search reads translations");

        Reply again = importYaml(fixture("comune-permessi-edilizi.yml"), "text/plain", null);
        assertEquals(1, number(again, "unchanged"), "importing the same document again changes nothing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void obsoleteGermanTool_isRetired_ownedByRepoOwner_andTakesTheGivenId() {
        Reply reply = importYaml(fixture("verkehrszaehlung-obsolet.yml"), "application/x-yaml", "de-kreis-verkehr");

        assertEquals(200, reply.status(), () -> reply.json().toString());
        Map<String, Object> entry = get("/api/v1/catalogue/entries/de-kreis-verkehr").json();
        assertEquals("Verkehrszählung Kreis", entry.get("name"));
        assertEquals("RETIRED", entry.get("status"));
        assertEquals("Landkreis Beispiel", entry.get("owner"));
        assertEquals("de", entry.get("language"), "without English the first language is the entry's own");
        assertEquals(List.of(), entry.get("translations"));
        assertEquals(List.of("https://gitlab.example.de/land/verkehrsdaten-basis", "https://github.com/example/zaehlstellen-import"),
                ((List<Map<String, Object>>) entry.get("relations")).stream().map(r -> r.get("target")).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void spanishPetRegistry_isOwnedByItsContractor_withCatalanTranslation() {
        Reply reply = importYaml(fixture("registro-mascotas.yml"), "text/yaml", null);

        assertEquals(200, reply.status(), () -> reply.json().toString());
        Map<String, Object> entry = get("/api/v1/catalogue/entries/"
                + URLEncoder.encode("https://github.com/ayuntamiento-ejemplo/registro-mascotas", StandardCharsets.UTF_8)).json();
        assertEquals("Servicios Digitales Ejemplo S.L.", entry.get("owner"));
        assertEquals("es", entry.get("language"));
        assertEquals("registries", entry.get("functionCode"));
        var translation = ((List<Map<String, Object>>) entry.get("translations")).get(0);
        assertEquals("ca", translation.get("language"));
        assertEquals("Registre Municipal d'Animals de Companyia", translation.get("name"));
        assertEquals(List.of("Alta i baixa d'animals", "Cerca per número de microxip"), translation.get("functions"));
    }

    @Test
    void malformedYaml_is400Problem_andNothingIsWritten() {
        long before = total();
        String yaml = """
                publiccodeYmlVersion: "0.4"
                name: Broken
                url: "https://example.org/broken"
                description:
                  en:
                    shortDescription: "unterminated
                    features: [a, b
                """;

        Reply reply = importYaml(yaml, "application/yaml", null);

        assertEquals(400, reply.status());
        assertEquals(Problem.MEDIA_TYPE, reply.contentType());
        assertTrue(reply.json().get("detail").toString().contains("not valid YAML"), () -> reply.json().toString());
        assertTrue(reply.json().get("detail").toString().contains("line"));
        assertEquals(before, total());
    }

    @Test
    void documentWithoutRequiredKeys_is400ListingThem() {
        Reply reply = importYaml("publiccodeYmlVersion: \"0.4\"\ndescription:\n  en:\n    features: [x]\n",
                "application/yaml", null);

        assertEquals(400, reply.status());
        assertEquals(List.of("name", "url", "description"), errorFields(reply));
    }

    @Test
    void yamlAskingForJavaTypes_isRefused() {
        String yaml = "publiccodeYmlVersion: \"0.4\"\nname: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://example.org/\"]]]]\n";

        Reply reply = importYaml(yaml, "application/yaml", null);

        assertEquals(400, reply.status());
        assertTrue(reply.json().get("detail").toString().contains("not valid YAML"));
    }

    private Reply importYaml(String yaml, String contentType, String id) {
        String uri = "/api/v1/catalogue/publiccode" + (id == null ? "" : "?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        return send(client, json, HttpRequest.POST(uri, yaml).contentType(MediaType.of(contentType)).bearerAuth(operator));
    }

    private Reply get(String uri) {
        return send(client, json, HttpRequest.GET(uri).bearerAuth(operator));
    }

    private long total() {
        return number(get("/api/v1/catalogue/entries?size=1"), "totalItems");
    }

    private static String fixture(String name) {
        try (InputStream in = PublicCodeImportApiTest.class.getResourceAsStream("/publiccode/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
