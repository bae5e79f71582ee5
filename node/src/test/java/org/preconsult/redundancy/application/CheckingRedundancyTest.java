package org.preconsult.redundancy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.redundancy.RedundancyFixture.entry;
import static org.preconsult.redundancy.RedundancyFixture.plan;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.common.model.Outcome;
import org.preconsult.redundancy.RedundancyFixture;
import org.preconsult.redundancy.model.Evidence;
import org.preconsult.redundancy.model.Match;
import org.preconsult.redundancy.model.PlanDraft;

class CheckingRedundancyTest {

    private final RedundancyFixture fixture = new RedundancyFixture().withDistractors();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static final String PERMITS = "Online building permit applications with document upload, fee payment "
            + "and scheduling of site inspections for residents and contractors.";

    @Test
    void duplicateOfAnotherCity_ranksFirst_andLeadsToConditionalApprovalToAdoptIt() {
        fixture.with(entry("permits-b", EntryKind.EXISTING_SYSTEM, "City of Brampton", "ePermit building permits portal",
                "Residents and contractors apply online for building permits, upload drawings, pay fees and book inspections."));
        var result = fixture.checking.check(plan("City of Ashford", "Building permit portal", PERMITS), 5);
        assertEquals("permits-b", result.matches().get(0).entryId());
        assertEquals(Outcome.CONDITIONAL_APPROVAL, result.recommendation().outcome());
        assertEquals("permits-b", result.recommendation().proposed().entryId());
        assertTrue(result.recommendation().reasons().get(0).contains("City of Brampton"));
    }

    @Test
    void scores_areBetweenZeroAndOne_andFallDownTheRanking() {
        fixture.with(entry("permits-b", EntryKind.EXISTING_SYSTEM, "City of Brampton", "Building permit portal", PERMITS));
        List<Match> matches = fixture.checking.check(plan("City of Ashford", "Building permit portal", PERMITS), 10).matches();
        assertTrue(matches.size() > 1);
        for (int i = 0; i < matches.size(); i++) {
            assertTrue(matches.get(i).score() >= 0 && matches.get(i).score() <= 1);
            if (i > 0) {
                assertTrue(matches.get(i - 1).score() >= matches.get(i).score());
            }
        }
        assertTrue(matches.get(0).score() > 0.9, "an identical text scores near 1: " + matches.get(0).score());
        assertTrue(matches.get(1).score() < 0.3, "an unrelated one scores low: " + matches.get(1).score());
    }

    @Test
    void evidence_namesMatchedTerms_sharedFunctions_functionCode_languagePair_andOwner() {
        fixture.with(entry("permits-b", EntryKind.EXISTING_SYSTEM, "City of Brampton", "ePermit building permits portal",
                "Residents apply online for building permits and book inspections.", "en",
                List.of("Permit application", "Inspection booking", "Fee payment"), "GOV-PERMITS"));
        var draft = new PlanDraft("Building permit portal", PERMITS, List.of("Online permit application", "Inspection scheduling"),
                "gov-permits", "en", "city of  brampton", null, null);
        Match top = fixture.checking.check(draft, 3).matches().get(0);
        Evidence e = top.evidence();
        assertEquals("permits-b", top.entryId());
        var name = e.fields().stream().filter(f -> f.field().equals("name")).findFirst().orElseThrow();
        assertTrue(name.terms().containsAll(List.of("building", "permits", "portal")), name.terms().toString());
        assertTrue(e.sharedFunctions().contains("Permit application"), e.sharedFunctions().toString());
        assertTrue(e.sameFunctionCode());
        assertEquals("en→en", e.languagePair());
        assertTrue(e.sameOwner(), "owners equal up to case and spacing");
    }

    @Test
    void sharedAcronymsAndProductNames_appearAsEntityEvidence() {
        fixture.with(entry("docs-b", EntryKind.EXISTING_SYSTEM, "Department B", "GCdocs records management",
                "Department-wide GCdocs roll-out on OpenText for records and document management."));
        Match top = fixture.checking.check(plan("Department A", "GCdocs implementation",
                "Implement GCdocs (OpenText) as the department's electronic records and document management system."), 3).matches().get(0);
        var entities = top.evidence().fields().stream().filter(f -> f.field().equals("entities")).findFirst().orElseThrow();
        assertTrue(entities.terms().containsAll(List.of("GCdocs", "OpenText")), entities.terms().toString());
    }

    @Test
    void standardSystem_defersThePlan() {
        fixture.with(entry("std-permits", EntryKind.STANDARD_SYSTEM, "Ministry of the Interior", "National building permit system",
                "The standard system for building permit applications, fee payment and inspections distributed to all local governments."));
        var result = fixture.checking.check(plan("City of Ashford", "Building permit system", PERMITS), 5);
        assertEquals(Outcome.DEFERRAL, result.recommendation().outcome());
        assertEquals("std-permits", result.recommendation().proposed().entryId());
    }

    @Test
    void ownEarlierPlan_isReportedAsReRegistration_notAsAnotherGovernmentsSystem() {
        fixture.with(entry("ashford-2019", EntryKind.PLAN, "City of Ashford", "Building permit portal", PERMITS));
        var result = fixture.checking.check(plan("City of Ashford", "Building permit portal renewal", PERMITS), 5);
        assertEquals(Outcome.CONDITIONAL_APPROVAL, result.recommendation().outcome());
        assertEquals("ashford-2019", result.recommendation().proposed().entryId());
        assertTrue(result.recommendation().reasons().get(0).startsWith("Re-registration"));
        assertTrue(result.matches().get(0).evidence().sameOwner());
    }

    @Test
    void planWithoutDuplicate_isApprovedUnconditionally() {
        var result = fixture.checking.check(plan("City of Ashford", "Snow plough routing",
                "Optimizes winter snow plough routes from live weather data and street priorities for road crews."), 5);
        assertEquals(Outcome.UNCONDITIONAL_APPROVAL, result.recommendation().outcome());
    }

    @Test
    void incompletePlan_isReturned_butStillShowsWhatExists() {
        fixture.with(entry("permits-b", EntryKind.EXISTING_SYSTEM, "City of Brampton", "Building permit portal", PERMITS));
        var result = fixture.checking.check(plan(null, "Building permit portal", "Permits online."), 5);
        assertEquals(Outcome.RETURN, result.recommendation().outcome());
        assertEquals("permits-b", result.matches().get(0).entryId());
    }

    @Test
    void excludedEntry_neverMatchesItself() {
        fixture.with(entry("self", EntryKind.PLAN, "City of Ashford", "Building permit portal", PERMITS));
        var draft = new PlanDraft("Building permit portal", PERMITS, List.of(), null, "en", "City of Ashford", null, "self");
        var result = fixture.checking.check(draft, 10);
        assertFalse(result.matches().stream().anyMatch(m -> m.entryId().equals("self")));
        assertEquals(Outcome.UNCONDITIONAL_APPROVAL, result.recommendation().outcome());
    }
}
