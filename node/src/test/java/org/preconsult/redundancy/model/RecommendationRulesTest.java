package org.preconsult.redundancy.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.common.model.Outcome;

class RecommendationRulesTest {

    private static final RecommendationRules.Thresholds T = new RecommendationRules.Thresholds(0.5, 0.3, 8);
    private static final PlanDraft COMPLETE = new PlanDraft("Building permit portal",
            "An online portal where residents apply for building permits and follow inspections.",
            List.of(), null, "en", "City of Ashford", null, null);

    private static Match match(String id, EntryKind kind, String owner, double score, boolean sameOwner) {
        return new Match(id, kind, owner, "System " + id, score,
                new Evidence(List.of(), List.of(), false, "en→en", sameOwner, List.of()));
    }

    @Test
    void planWithoutDescriptionOrOwner_isReturned_namingWhatIsMissing() {
        var plan = new PlanDraft("Permits", "  ", List.of(), null, null, null, null, null);
        var r = RecommendationRules.recommend(plan, List.of(match("a", EntryKind.EXISTING_SYSTEM, "X", 0.9, false)), T);
        assertEquals(Outcome.RETURN, r.outcome());
        assertTrue(r.reasons().get(0).contains("owner"), r.reasons().toString());
        assertTrue(r.reasons().get(0).contains("description"), r.reasons().toString());
    }

    @Test
    void shortDescriptionWithoutFunctions_isReturned_butFunctionsMakeItComplete() {
        var terse = new PlanDraft("Permits", "Permit portal.", List.of(), null, null, "City", null, null);
        assertEquals(Outcome.RETURN, RecommendationRules.recommend(terse, List.of(), T).outcome());
        var withFunctions = new PlanDraft("Permits", "Permit portal.", List.of("apply for permits"), null, null, "City", null, null);
        assertEquals(Outcome.UNCONDITIONAL_APPROVAL, RecommendationRules.recommend(withFunctions, List.of(), T).outcome());
    }

    @Test
    void chineseDescription_countsCharactersAsWords() {
        var plan = new PlanDraft("建筑许可", "用于处理建筑许可申请和检查的电子平台", List.of(), null, "zh", "市政府", null, null);
        assertTrue(RecommendationRules.missingFields(plan, 8).isEmpty());
    }

    @Test
    void strongOverlapWithStandardSystem_defers_andProposesIt() {
        var standard = match("std", EntryKind.STANDARD_SYSTEM, "Ministry", 0.6, false);
        var existing = match("ex", EntryKind.EXISTING_SYSTEM, "City of B", 0.9, false);
        var r = RecommendationRules.recommend(COMPLETE, List.of(existing, standard), T);
        assertEquals(Outcome.DEFERRAL, r.outcome());
        assertEquals("std", r.proposed().entryId());
    }

    @Test
    void strongOverlapWithAnotherGovernmentsSystem_isConditional_proposingToAdoptIt() {
        var r = RecommendationRules.recommend(COMPLETE,
                List.of(match("ex", EntryKind.EXISTING_SYSTEM, "City of B", 0.7, false)), T);
        assertEquals(Outcome.CONDITIONAL_APPROVAL, r.outcome());
        assertEquals("ex", r.proposed().entryId());
        assertTrue(r.reasons().get(0).contains("City of B"), r.reasons().toString());
        assertTrue(r.confidence() > 0.5 && r.confidence() < 1.0);
    }

    @Test
    void strongOverlapWithOwnEarlierPlan_isReRegistration_conditionalOnRevisingIt() {
        var own = match("mine", EntryKind.PLAN, "City of Ashford", 0.8, true);
        var r = RecommendationRules.recommend(COMPLETE, List.of(own), T);
        assertEquals(Outcome.CONDITIONAL_APPROVAL, r.outcome());
        assertEquals("mine", r.proposed().entryId());
        assertTrue(r.reasons().get(0).startsWith("Re-registration"), r.reasons().toString());
    }

    @Test
    void otherGovernmentsSystem_isProposed_beforeOwnEarlierEntry_whichIsStillReported() {
        var own = match("mine", EntryKind.PLAN, "City of Ashford", 0.9, true);
        var other = match("theirs", EntryKind.EXISTING_SYSTEM, "City of B", 0.6, false);
        var r = RecommendationRules.recommend(COMPLETE, List.of(own, other), T);
        assertEquals("theirs", r.proposed().entryId());
        assertTrue(r.reasons().stream().anyMatch(s -> s.startsWith("Re-registration")), r.reasons().toString());
    }

    @Test
    void weakOverlapsOnly_approveUnconditionally_listingWhatToLookAt() {
        var r = RecommendationRules.recommend(COMPLETE,
                List.of(match("near", EntryKind.EXISTING_SYSTEM, "City of B", 0.4, false),
                        match("far", EntryKind.EXISTING_SYSTEM, "City of C", 0.1, false)), T);
        assertEquals(Outcome.UNCONDITIONAL_APPROVAL, r.outcome());
        assertNull(r.proposed());
        assertTrue(r.reasons().stream().anyMatch(s -> s.contains("near")), r.reasons().toString());
        assertTrue(r.reasons().stream().noneMatch(s -> s.contains("(far")), r.reasons().toString());
    }

    @Test
    void confidence_growsWithDistanceFromThreshold() {
        var borderline = RecommendationRules.recommend(COMPLETE, List.of(match("a", EntryKind.EXISTING_SYSTEM, "B", 0.52, false)), T);
        var clear = RecommendationRules.recommend(COMPLETE, List.of(match("a", EntryKind.EXISTING_SYSTEM, "B", 0.98, false)), T);
        assertTrue(clear.confidence() > borderline.confidence());
        var nothing = RecommendationRules.recommend(COMPLETE, List.of(), T);
        assertEquals(1.0, nothing.confidence(), 1e-9);
    }
}
