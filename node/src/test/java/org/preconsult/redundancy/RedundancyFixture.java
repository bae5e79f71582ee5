package org.preconsult.redundancy;

import java.time.Instant;
import java.util.List;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.redundancy.application.CheckingRedundancy;
import org.preconsult.redundancy.application.RedundancyProperties;
import org.preconsult.redundancy.infrastructure.CatalogueIndex;
import org.preconsult.redundancy.infrastructure.LuceneCandidateSearch;
import org.preconsult.redundancy.infrastructure.TextAnalysis;
import org.preconsult.redundancy.model.PlanDraft;

/** An in-memory catalogue index with a redundancy check over it, built without Micronaut. */
public final class RedundancyFixture implements AutoCloseable {

    public final CatalogueIndex index;
    public final CheckingRedundancy checking;
    private long seq;

    public RedundancyFixture() {
        this(RedundancyProperties.defaults());
    }

    public RedundancyFixture(RedundancyProperties p) {
        this(p, new TextAnalysis());
    }

    public RedundancyFixture(RedundancyProperties p, TextAnalysis analysis) {
        index = CatalogueIndex.inMemory(analysis);
        checking = new CheckingRedundancy(new LuceneCandidateSearch(index, LuceneCandidateSearch.Tuning.from(p)), p);
    }

    /** Adds (or replaces) entries as committed catalogue changes. */
    public RedundancyFixture with(CatalogueEntry... entries) {
        for (CatalogueEntry e : entries) {
            index.apply(e, ++seq);
        }
        return this;
    }

    public long lastSeq() {
        return seq;
    }

    public static CatalogueEntry entry(String id, EntryKind kind, String owner, String name, String description) {
        return new CatalogueEntry(id, kind, owner, name, description, List.of(), null, null, EntryStatus.ACTIVE,
                null, null, 1, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static CatalogueEntry entry(String id, EntryKind kind, String owner, String name, String description,
                                       String language, List<String> functions, String functionCode) {
        return new CatalogueEntry(id, kind, owner, name, description, functions, functionCode, language,
                EntryStatus.ACTIVE, null, null, 1, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static PlanDraft plan(String owner, String title, String description) {
        return new PlanDraft(title, description, List.of(), null, null, owner, null, null);
    }

    /** A small catalogue of unrelated systems, so that a duplicate has something to stand out from. */
    public RedundancyFixture withDistractors() {
        return with(
                entry("lib-1", EntryKind.EXISTING_SYSTEM, "City of Ashford", "Public library catalogue",
                        "Online catalogue of the municipal libraries with loans, reservations and reader accounts."),
                entry("pay-1", EntryKind.EXISTING_SYSTEM, "Province of Northvale", "Payroll and human resources",
                        "Payroll calculation, leave management and staff records for provincial employees."),
                entry("gis-1", EntryKind.PLAN, "City of Brampton", "Geographic information portal",
                        "A web map of parcels, zoning and public works for residents and planners."),
                entry("tax-1", EntryKind.EXISTING_SYSTEM, "Ministry of Finance", "Property tax billing",
                        "Assessment roll, property tax bills, payments and arrears collection."),
                entry("fleet-1", EntryKind.EXISTING_SYSTEM, "County of Elgin", "Fleet maintenance tracking",
                        "Work orders, fuel use and maintenance schedules of municipal vehicles."));
    }

    @Override
    public void close() {
        index.close();
    }
}
