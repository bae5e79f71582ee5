package org.preconsult.redundancy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.testing.NodeFixture.send;
import static org.preconsult.testing.NodeFixture.token;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
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
import org.preconsult.redundancy.application.RedundancyCheck;
import org.preconsult.redundancy.model.PlanDraft;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.NodeFixture.Reply;

// Not transactional: the index follows committed catalogue changes only.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexRebuildApiTest implements TestPropertyProvider {

    private static final String REBUILD = "/api/v1/catalogue/index/rebuild";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokens;
    @Inject
    Catalogue catalogue;
    @Inject
    RedundancyCheck checking;

    BlockingHttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    @BeforeAll
    void catalogue() {
        client = http.toBlocking();
        catalogue.upsert(entry("permits", "Building permit portal",
                "Residents apply online for building permits and book inspections.", EntryStatus.OPERATING));
        catalogue.upsert(entry("parking", "Resident parking permits",
                "Residents renew parking permits and pay online.", EntryStatus.OPERATING));
        catalogue.upsert(entry("fax", "Fax gateway", "Sends faxes from e-mail for every department.", EntryStatus.RETIRED));
    }

    private static CatalogueEntry entry(String id, String name, String description, EntryStatus status) {
        return new CatalogueEntry(id, EntryKind.EXISTING_SYSTEM, "City of Brampton", name, description, List.of(), null,
                "en", status, null, "node-2", 1, Instant.parse("2026-11-01T00:00:00Z"));
    }

    private Reply rebuildAs(String... roles) {
        var request = HttpRequest.POST(REBUILD, "");
        return send(client, json, roles.length == 0 ? request : request.bearerAuth(token(tokens, "u", roles)));
    }

    @Test
    void operator_rebuildsTheIndex_andGetsEntriesAndDuration() {
        Reply reply = rebuildAs("OPERATOR");

        assertEquals(200, reply.status(), () -> String.valueOf(reply.json()));
        assertEquals(2, ((Number) reply.json().get("entriesIndexed")).intValue(), "the retired entry is not searchable");
        assertEquals(3, ((Number) reply.json().get("entriesRead")).intValue());
        assertTrue(((Number) reply.json().get("durationMs")).longValue() >= 0);
        var matches = checking.check(new PlanDraft("Building permit portal",
                "Residents apply online for building permits and book site inspections.", List.of(), null, "en",
                "City of Ashford", null, null), 10).matches();
        assertEquals("permits", matches.get(0).entryId(), "checks see the rebuilt index");
    }

    @Test
    void otherRoles_areForbidden_andAnonymousCallersUnauthorized() {
        assertEquals(403, rebuildAs("SUBMITTER").status());
        assertEquals(403, rebuildAs("REVIEWER").status());
        assertEquals(401, rebuildAs().status());
    }
}
