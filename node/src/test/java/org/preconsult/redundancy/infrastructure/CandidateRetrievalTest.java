package org.preconsult.redundancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.redundancy.RedundancyFixture.entry;
import static org.preconsult.redundancy.RedundancyFixture.plan;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.redundancy.RedundancyFixture;
import org.preconsult.redundancy.application.RedundancyProperties;
import org.preconsult.redundancy.model.Match;

/**
 * The first stage leaves words common in the catalogue out of its look-alike query, searches the
 * title on its own when few distinctive words remain, and looks up the applicant's own entries.
 * A catalogue of 41 entries, a pool of 10: every word of "Case management system for the files of
 * the town office" is in 31 entries (common); "Zephyr" and "dashboards" are in 10 (as many as the
 * pool holds: distinctive).
 */
class CandidateRetrievalTest {

    private static final String OWNER = "City of Ashford";
    private static final String CASE_TEXT = "Case management system for the files of the town office.";

    private static RedundancyFixture catalogue(int ownEntriesPool) {
        RedundancyProperties d = RedundancyProperties.defaults();
        var f = new RedundancyFixture(new RedundancyProperties(false, d.strongOverlap(), d.possibleOverlap(),
                d.minDescriptionWords(), 10, ownEntriesPool, d.maxQueryTerms(), d.commonTermShare(), d.ownerBoost(),
                d.defaultLimit(), 1));
        for (int i = 1; i <= 30; i++) {
            f.with(entry("case-" + i, EntryKind.EXISTING_SYSTEM, "Town " + i, "Case management system", CASE_TEXT));
        }
        for (int i = 1; i <= 10; i++) {
            f.with(entry("zephyr-" + i, EntryKind.EXISTING_SYSTEM, "County " + i, "Zephyr reporting",
                    "Zephyr dashboards of county " + i + " for road works."));
        }
        return f.with(entry("own-case", EntryKind.PLAN, OWNER, "Case management system", CASE_TEXT));
    }

    private static List<Match> check(RedundancyFixture f, String owner, String description) {
        return f.checking.check(plan(owner, "Case management system", description), 10).matches();
    }

    @Test
    void ownEarlierEntry_isFoundAndRankedFirst_evenWhenAllItsWordsAreCommonElsewhere() {
        try (var f = catalogue(10)) {
            List<Match> matches = check(f, OWNER, CASE_TEXT + " With Zephyr dashboards.");

            assertEquals("own-case", matches.get(0).entryId());
            assertTrue(matches.get(0).evidence().sameOwner(), "reported as a re-registration");
        }
    }

    @Test
    void withoutTheOwnEntriesQuery_theLookAlikesAloneMissTheOwnEntry() {
        try (var f = catalogue(0)) {
            List<Match> matches = check(f, OWNER, CASE_TEXT + " With Zephyr dashboards.");

            assertFalse(matches.stream().anyMatch(m -> m.entryId().equals("own-case")),
                    "the look-alike query holds only the distinctive words, which the own entry lacks");
        }
    }

    @Test
    void planOfOnlyCommonWords_stillFindsItsLookAlikes() {
        try (var f = catalogue(10)) {
            List<Match> matches = check(f, "Village of Elm", CASE_TEXT);

            assertEquals(10, matches.size());
            assertTrue(matches.stream().allMatch(m -> m.entryId().startsWith("case-") || m.entryId().equals("own-case")),
                    "no distinctive word: the query keeps the common ones rather than finding nothing");
        }
    }

    @Test
    void planOfCommonWordsWithOneRareWord_stillFindsTheEntriesThatShareTheCommonOnes() {
        try (var f = catalogue(10)) {
            List<Match> matches = check(f, "Village of Elm", CASE_TEXT + " Exported to Zephyr.");

            assertTrue(matches.get(0).entryId().startsWith("case-") || matches.get(0).entryId().equals("own-case"),
                    "the incidental rare word must not decide which entries are candidates: " + matches.get(0).entryId());
            assertTrue(matches.get(0).score() >= RedundancyProperties.defaults().strongOverlap(),
                    "same title and nearly the same text is a duplicate: " + matches.get(0).score());
        }
    }
}
