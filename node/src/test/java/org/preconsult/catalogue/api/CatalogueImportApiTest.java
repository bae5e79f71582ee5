package org.preconsult.catalogue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.common.api.Problem;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueImportApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokens;
    @Inject
    Catalogue catalogue;

    BlockingHttpClient client;
    String operator;
    String submitter;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    @BeforeAll
    void signIn() {
        client = http.toBlocking();
        operator = token(tokens, "op", "OPERATOR");
        submitter = token(tokens, "sub", "SUBMITTER");
    }

    @Test
    void jsonImport_createsEntries_andRepostingUpdatesThemInPlace() {
        var batch = List.of(
                entry("json-1", "EXISTING_SYSTEM", "Seoul Metropolitan Government", "Parking permit system",
                        List.of("Resident parking permits", "Online payment"), "PERMIT", "en", null, new BigDecimal("120000.50")),
                entry("json-2", "standard_system", "Ministry of the Interior", "National e-document system",
                        List.of("Electronic approval"), "DOC", "ko", "OPERATING", null));

        Reply first = importJson(batch);
        assertEquals(200, first.status());
        assertEquals(2, number(first, "created"));
        assertEquals(0, number(first, "updated"));

        Reply same = importJson(batch);
        assertEquals(200, same.status());
        assertEquals(0, number(same, "created"));
        assertEquals(2, number(same, "unchanged"), "posting the same entries again changes nothing");

        var renamed = List.of(batch.get(0), entry("json-2", "STANDARD_SYSTEM", "Ministry of the Interior",
                "National electronic document system", List.of("Electronic approval"), "DOC", "ko", "OPERATING", null));
        Reply second = importJson(renamed);
        assertEquals(1, number(second, "updated"));
        assertEquals(1, number(second, "unchanged"));

        Reply listed = get("/api/v1/catalogue/entries?q=json-", operator);
        assertEquals(2, number(listed, "totalItems"), "re-posting updates by id, it never duplicates");
        Map<String, Object> updated = get("/api/v1/catalogue/entries/json-2", operator).json();
        assertEquals("National electronic document system", updated.get("name"));
        assertEquals("STANDARD_SYSTEM", updated.get("kind"));
        assertEquals(2, ((Number) updated.get("version")).intValue(), "an operator re-post takes the next version");
        assertEquals(null, updated.get("originNode"));
        Map<String, Object> kept = get("/api/v1/catalogue/entries/json-1", operator).json();
        assertEquals(1, ((Number) kept.get("version")).intValue());
        assertEquals("ACTIVE", kept.get("status"), "status defaults to ACTIVE");
        assertEquals(0, new BigDecimal("120000.50").compareTo(new BigDecimal(kept.get("budget").toString())));
        assertEquals(List.of("Resident parking permits", "Online payment"), kept.get("functions"));
    }

    @Test
    void batchWithBadEntries_isRejectedListingEachOne_andNothingIsWritten() {
        long before = total();
        var batch = List.of(
                entry("bad-ok", "PLAN", "Busan", "Valid plan", List.of(), null, null, null, null),
                entry("bad-kind", "SYSTEM", "Busan", "Unknown kind", List.of(), null, null, null, null),
                entry("bad-name", "PLAN", "Busan", " ", List.of(), null, null, null, new BigDecimal("-5")),
                entry("bad-language", "PLAN", "Busan", "Bad language", List.of(), null, "english (UK)", null, null),
                entry("bad-ok", "PLAN", "Busan", "Same id again", List.of(), null, null, null, null),
                entry("bad-status", "PLAN", "Busan", "Bad status", List.of(), null, null, "FINISHED", null));

        Reply reply = importJson(batch);

        assertEquals(400, reply.status());
        assertEquals(Problem.MEDIA_TYPE, reply.contentType());
        var fields = errorFields(reply);
        assertEquals(List.of("entries[1].kind", "entries[2].name", "entries[2].budget", "entries[3].language",
                "entries[4].id", "entries[5].status"), fields);
        assertTrue(errorMessage(reply, "entries[1].kind").contains("STANDARD_SYSTEM, EXISTING_SYSTEM, PLAN"));
        assertTrue(errorMessage(reply, "entries[4].id").contains("entries[0]"), "names where the id was first used");
        assertEquals(before, total(), "nothing of a rejected batch is written");
        assertEquals(404, get("/api/v1/catalogue/entries/bad-ok", operator).status());
    }

    @Test
    void csvImport_readsQuotedCommasAndFunctionLists() {
        String csv = """
                id,kind,owner,name,description,functions,functionCode,language,status,budget
                csv-1,EXISTING_SYSTEM,"Gyeonggi Province","Welfare case system","Case intake, eligibility checks, and payments",Case intake;Eligibility check; Payments ,WELFARE,en,OPERATING,250000
                csv-2,PLAN,Incheon,"Smart bus stop, phase 2","Displays ""real-time"" arrivals",,TRANSPORT,,,
                """;

        Reply reply = importCsv(csv, operator);

        assertEquals(200, reply.status(), () -> reply.json().toString());
        assertEquals(2, number(reply, "created"));
        Map<String, Object> welfare = get("/api/v1/catalogue/entries/csv-1", operator).json();
        assertEquals("Case intake, eligibility checks, and payments", welfare.get("description"));
        assertEquals(List.of("Case intake", "Eligibility check", "Payments"), welfare.get("functions"));
        assertEquals("OPERATING", welfare.get("status"));
        Map<String, Object> bus = get("/api/v1/catalogue/entries/csv-2", operator).json();
        assertEquals("Smart bus stop, phase 2", bus.get("name"));
        assertEquals("Displays \"real-time\" arrivals", bus.get("description"));
        assertEquals(List.of(), bus.get("functions"));
        assertEquals("ACTIVE", bus.get("status"));
    }

    @Test
    void csvWithBadRows_isRejectedByRowNumber_andNothingIsWritten() {
        long before = total();
        String csv = """
                id,kind,name,budget
                csvbad-1,PLAN,Fine row,100
                csvbad-2,GADGET,"Kind is wrong, name is fine",
                csvbad-3,PLAN,Budget is wrong,"1,000"
                csvbad-4,PLAN,,12.345
                """;

        Reply reply = importCsv(csv, operator);

        assertEquals(400, reply.status());
        assertEquals(List.of("row 3.kind", "row 4.budget", "row 5.name", "row 5.budget"), errorFields(reply));
        assertTrue(errorMessage(reply, "row 4.budget").contains("thousands separators"));
        assertEquals(before, total());
    }

    @Test
    void csvWithUnknownColumnOrBrokenQuoting_isRejected() {
        Reply unknownColumn = importCsv("id,kind,name,colour\nx,PLAN,Name,red\n", operator);
        assertEquals(400, unknownColumn.status());
        assertEquals(List.of("row 1.colour"), errorFields(unknownColumn));

        Reply broken = importCsv("id,kind,name\nx,PLAN,\"unterminated\"name\n", operator);
        assertEquals(400, broken.status());
        assertTrue(broken.json().get("detail").toString().contains("quot"));
    }

    @Test
    void retryUnderTheSameIdempotencyKey_getsTheFirstAnswer_andOtherContentUnderItIs422() {
        var batch = List.of(entry("key-1", "PLAN", "Ulsan", "Smart meters", List.of(), null, null, null, null));

        Reply first = send(client, json, HttpRequest.POST("/api/v1/catalogue/entries", batch)
                .header("Idempotency-Key", "import-2024-06-01").bearerAuth(operator));
        Reply retry = send(client, json, HttpRequest.POST("/api/v1/catalogue/entries", batch)
                .header("Idempotency-Key", "import-2024-06-01").bearerAuth(operator));
        Reply other = send(client, json, HttpRequest.POST("/api/v1/catalogue/entries",
                List.of(entry("key-2", "PLAN", "Ulsan", "Other", List.of(), null, null, null, null)))
                .header("Idempotency-Key", "import-2024-06-01").bearerAuth(operator));

        assertEquals(200, first.status());
        assertEquals(first.json(), retry.json(), "a retry is answered as the first request was");
        assertEquals(1, number(retry, "created"));
        assertEquals(422, other.status());
        assertEquals(Problem.MEDIA_TYPE, other.contentType());
        assertEquals(404, get("/api/v1/catalogue/entries/key-2", operator).status());
    }

    @Test
    void entryOwnedByAnotherNode_cannotBeOverwrittenByAnImport() {
        catalogue.upsert(new CatalogueEntry("federated-1", EntryKind.STANDARD_SYSTEM, "Ministry", "Standard HR system",
                "", List.of(), null, "en", EntryStatus.ACTIVE, null, "central", 7, Instant.now()));

        Reply reply = importJson(List.of(entry("federated-1", "PLAN", "Busan", "Local copy", List.of(), null, null, null, null)));

        assertEquals(400, reply.status());
        assertTrue(errorMessage(reply, "entries[0].id").contains("'central'"));
        assertEquals("Standard HR system", get("/api/v1/catalogue/entries/federated-1", operator).json().get("name"));
    }

    @Test
    void listing_filtersByKindAndText_andCapsThePageSize() {
        importJson(List.of(
                entry("list-a", "PLAN", "Daegu", "Flood warning sensors", List.of(), null, null, null, null),
                entry("list-b", "EXISTING_SYSTEM", "Daegu", "Flood map viewer", List.of(), null, null, null, null),
                entry("list-c", "PLAN", "Daegu", "Library loans", List.of(), null, null, null, null)));

        Reply plans = get("/api/v1/catalogue/entries?kind=PLAN&q=FLOOD", submitter);
        assertEquals(200, plans.status());
        assertEquals(1, number(plans, "totalItems"));
        assertEquals("list-a", ((Map<?, ?>) ((List<?>) plans.json().get("items")).get(0)).get("id"));

        Reply paged = get("/api/v1/catalogue/entries?q=list-&size=2&page=1", submitter);
        assertEquals(3, number(paged, "totalItems"));
        assertEquals(2, number(paged, "totalPages"));
        assertEquals(1, ((List<?>) paged.json().get("items")).size());

        assertEquals(400, get("/api/v1/catalogue/entries?size=5000", submitter).status(), "every list refuses a page over 200");
        assertEquals(400, get("/api/v1/catalogue/entries?kind=GADGET", submitter).status());
        assertEquals(400, get("/api/v1/catalogue/entries?page=-1", submitter).status());
        assertEquals(0, number(get("/api/v1/catalogue/entries?q=" + enc("100%_"), submitter), "totalItems"),
                "LIKE wildcards in the text are taken literally");
    }

    @Test
    void unreadableRequests_are400Problems() {
        Reply notAnArray = send(client, json, HttpRequest.POST("/api/v1/catalogue/entries", "{\"id\": \"x\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(operator));
        assertEquals(400, notAnArray.status());
        assertEquals(Problem.MEDIA_TYPE, notAnArray.contentType());

        Reply badPage = get("/api/v1/catalogue/entries?page=first", operator);
        assertEquals(400, badPage.status());
        assertEquals(Problem.MEDIA_TYPE, badPage.contentType());

        Reply empty = importJson(List.of());
        assertEquals(400, empty.status());
        assertTrue(empty.json().get("detail").toString().contains("no entries"));
    }

    @Test
    void missingEntry_is404Problem() {
        Reply reply = get("/api/v1/catalogue/entries/does-not-exist", submitter);
        assertEquals(404, reply.status());
        assertEquals(Problem.MEDIA_TYPE, reply.contentType());
        assertTrue(reply.json().get("detail").toString().contains("does-not-exist"));
    }

    @Test
    void withoutToken_importAndReadingAre401Problems() {
        Reply importing = send(client, json, HttpRequest.POST("/api/v1/catalogue/entries", List.of()));
        assertEquals(401, importing.status());
        assertEquals(Problem.MEDIA_TYPE, importing.contentType());
        assertEquals(401, number(importing, "status"));
        assertTrue(importing.json().get("detail").toString().contains("Sign in"));

        Reply reading = send(client, json, HttpRequest.GET("/api/v1/catalogue/entries"));
        assertEquals(401, reading.status());
        assertEquals(Problem.MEDIA_TYPE, reading.contentType());
    }

    @Test
    void submitterImporting_is403Problem_andNothingIsWritten() {
        long before = total();
        Reply json = send(client, this.json, HttpRequest.POST("/api/v1/catalogue/entries",
                List.of(entry("forbidden-1", "PLAN", "x", "x", List.of(), null, null, null, null))).bearerAuth(submitter));
        assertEquals(403, json.status());
        assertEquals(Problem.MEDIA_TYPE, json.contentType());
        assertEquals(403, number(json, "status"));

        Reply csv = importCsv("id,kind,name\nforbidden-2,PLAN,x\n", submitter);
        assertEquals(403, csv.status());
        assertEquals(before, total());
    }

    private Reply importJson(List<Map<String, Object>> entries) {
        return send(client, json, HttpRequest.POST("/api/v1/catalogue/entries", entries).bearerAuth(operator));
    }

    private Reply importCsv(String csv, String token) {
        return send(client, json, HttpRequest.POST("/api/v1/catalogue/entries", csv)
                .contentType(MediaType.of("text/csv")).bearerAuth(token));
    }

    private Reply get(String uri, String token) {
        return send(client, json, HttpRequest.GET(uri).bearerAuth(token));
    }

    private long total() {
        return number(get("/api/v1/catalogue/entries?size=1", operator), "totalItems");
    }

    static Map<String, Object> entry(String id, String kind, String owner, String name, List<String> functions,
            String functionCode, String language, String status, BigDecimal budget) {
        var entry = new java.util.LinkedHashMap<String, Object>();
        entry.put("id", id);
        entry.put("kind", kind);
        entry.put("owner", owner);
        entry.put("name", name);
        entry.put("description", name + " of " + owner);
        entry.put("functions", functions);
        entry.put("functionCode", functionCode);
        entry.put("language", language);
        entry.put("status", status);
        entry.put("budget", budget);
        return entry;
    }

    static long number(Reply reply, String field) {
        Object value = reply.json().get(field);
        assertFalse(value == null, () -> field + " missing in " + reply.json());
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<String> errorFields(Reply reply) {
        return ((List<Map<String, Object>>) reply.json().getOrDefault("errors", List.of())).stream()
                .map(e -> e.get("field").toString()).toList();
    }

    @SuppressWarnings("unchecked")
    static String errorMessage(Reply reply, String field) {
        return ((List<Map<String, Object>>) reply.json().get("errors")).stream()
                .filter(e -> field.equals(e.get("field"))).map(e -> e.get("message").toString())
                .findFirst().orElseThrow(() -> new AssertionError("no error for " + field + " in " + reply.json()));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
