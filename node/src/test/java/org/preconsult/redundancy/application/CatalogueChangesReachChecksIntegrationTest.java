package org.preconsult.redundancy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.infrastructure.CatalogueEntryRows;
import org.preconsult.catalogue.infrastructure.CatalogueRowMapper;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.common.model.Outcome;
import org.preconsult.redundancy.infrastructure.CatalogueIndex;
import org.preconsult.redundancy.infrastructure.CatalogueIndexMaintenance;
import org.preconsult.redundancy.model.PlanDraft;

// Not transactional: the index listens for commits, and a test transaction is never committed.
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueChangesReachChecksIntegrationTest implements TestPropertyProvider {

    @Inject
    Catalogue catalogue;
    @Inject
    RedundancyCheck checking;
    @Inject
    CatalogueIndex index;
    @Inject
    CatalogueIndexMaintenance maintenance;
    @Inject
    CatalogueEntryRows rows;
    @Inject
    Counters counters;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of(
                    "preconsult.data-dir", Files.createTempDirectory("preconsult-redundancy").toString(),
                    "datasources.default.url", "jdbc:h2:mem:" + UUID.randomUUID()
                            // VALUE is a keyword of H2 2.3, and the schema names a column so.
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "grpc.server.port", "0",
                    "micronaut.server.port", "-1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final PlanDraft PLAN = new PlanDraft("Wildfire information system",
            "A national system that gathers wildfire reports, fire danger ratings and satellite hotspots for crews.",
            List.of(), null, "en", "Province of Northvale", null, null);

    private static CatalogueEntry wildfire(EntryStatus status, long version) {
        return new CatalogueEntry("cwfis", EntryKind.EXISTING_SYSTEM, "Natural Resources", "Wildland fire information system",
                "Gathers wildfire reports, fire danger ratings and satellite hotspots for fire crews across the country.",
                List.of(), null, "en", status, null, "node-2", version, Instant.parse("2026-11-01T00:00:00Z"));
    }

    private boolean proposed() {
        return checking.check(PLAN, 10).matches().stream().anyMatch(m -> m.entryId().equals("cwfis"));
    }

    @Test
    void upsertOfRetiredVersion_removesTheEntryFromTheNextCheck() {
        catalogue.upsert(wildfire(EntryStatus.OPERATING, 1));
        assertTrue(proposed(), "the committed entry is checked against at once");
        assertEquals(Outcome.CONDITIONAL_APPROVAL, checking.check(PLAN, 10).recommendation().outcome());

        catalogue.upsert(wildfire(EntryStatus.RETIRED, 2));

        assertFalse(proposed(), "a retired system must stop counting at once");
        assertEquals(Outcome.UNCONDITIONAL_APPROVAL, checking.check(PLAN, 10).recommendation().outcome());
        long watermark = index.watermark();
        var rebuilt = maintenance.rebuild();
        assertEquals(1, rebuilt.entriesRead(), "a rebuild reads the retired row");
        assertEquals(0, rebuilt.entriesIndexed(), "and leaves only its tombstone");
        assertEquals(watermark, index.watermark(), "a rebuild keeps the watermark");
        assertFalse(proposed(), "a rebuild does not bring it back either");
    }

    @Test
    void entryCommittedButNotYetIndexedByItsWriter_isInTheNextCheck() {
        var storm = new CatalogueEntry("storm-shelters", EntryKind.STANDARD_SYSTEM, "Ministry of the Interior",
                "Storm shelter registry", "Registers storm shelters, their capacity and evacuee check-in.",
                List.of("shelter registration"), null, "en", EntryStatus.OPERATING, null, "central", 1,
                Instant.parse("2026-11-01T00:00:00Z"));
        // What another thread leaves between its commit and its index update: a committed row and
        // counter value whose change the index has not applied.
        transactions.executeWrite(status -> rows.save(CatalogueRowMapper.toRow(storm, counters.next(Catalogue.CHANGE_COUNTER))));

        var plan = new PlanDraft("Storm shelter registry", "Registers storm shelters and evacuee check-in.",
                List.of("shelter registration"), null, "en", "County of Southvale", null, null);
        var result = checking.check(plan, 10);
        assertTrue(result.matches().stream().anyMatch(m -> m.entryId().equals("storm-shelters")),
                "the check applies the committed change before searching");
        assertEquals(Outcome.DEFERRAL, result.recommendation().outcome());
    }
}
