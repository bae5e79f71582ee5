package org.preconsult.redundancy.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.redundancy.RedundancyFixture.entry;
import static org.preconsult.redundancy.RedundancyFixture.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.application.BestPracticeMarks;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.PracticeMark;
import org.preconsult.redundancy.RedundancyFixture;
import org.preconsult.redundancy.infrastructure.LuceneCandidateSearch;
import org.preconsult.redundancy.model.Match;

/** Best-practice marks in the redundancy check: they rank among equals and explain, they never score. */
class BestPracticeRankingTest {

    private static final String PERMITS = "Residents and contractors apply online for building permits, upload drawings, "
            + "pay fees and book site inspections.";

    private final RedundancyFixture fixture = new RedundancyFixture().withDistractors();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Marks held in a map, as the practice feature holds them in its table. */
    record Marks(Map<String, List<PracticeMark>> marks) implements BestPracticeMarks {
        @Override
        public Set<String> markedEntryIds() {
            return marks.keySet();
        }

        @Override
        public Map<String, List<PracticeMark>> marksOf(Collection<String> ids) {
            return ids.stream().filter(marks::containsKey).distinct().collect(Collectors.toMap(id -> id, marks::get));
        }
    }

    private CheckingRedundancy checkingWith(BestPracticeMarks marks) {
        var p = RedundancyProperties.defaults();
        return new CheckingRedundancy(new LuceneCandidateSearch(fixture.index, LuceneCandidateSearch.Tuning.from(p)), p, marks);
    }

    private void twoEqualPortals() {
        fixture.with(entry("permits-b", EntryKind.EXISTING_SYSTEM, "City B", "Building permit portal", PERMITS),
                entry("permits-c", EntryKind.EXISTING_SYSTEM, "County C", "Building permit portal", PERMITS));
    }

    @Test
    void markedEntry_ranksAboveAnEquallyScoredUnmarkedOne_andItsEvidenceSaysWhy() {
        twoEqualPortals();
        var draft = plan("City A", "Building permit portal", PERMITS);
        List<Match> unmarked = checkingWith(BestPracticeMarks.NONE).check(draft, 5).matches();
        assertEquals(unmarked.get(0).score(), unmarked.get(1).score(), "the two portals score the same");
        String second = unmarked.get(1).entryId();

        var marks = new Marks(Map.of(second, List.of(new PracticeMark("central", "Ministry", "Adopted by 12 cities."))));
        List<Match> marked = checkingWith(marks).check(draft, 5).matches();

        assertEquals(second, marked.get(0).entryId(), "the marked portal comes first");
        assertEquals(unmarked.get(0).score(), marked.get(0).score(), "its score is unchanged");
        assertTrue(marked.get(0).bestPractice());
        assertEquals("Adopted by 12 cities.", marked.get(0).evidence().bestPractice().get(0).reason());
        assertTrue(!marked.get(1).bestPractice(), "the other portal carries no mark");
    }

    @Test
    void markOnAWeakerMatch_doesNotLiftItAboveABetterOne() {
        twoEqualPortals();
        fixture.with(entry("library", EntryKind.EXISTING_SYSTEM, "City D", "Library loans",
                "Residents borrow books and renew loans online."));
        var marks = new Marks(Map.of("library", List.of(new PracticeMark("central", "Ministry", "Well kept."))));
        List<Match> matches = checkingWith(marks).check(plan("City A", "Building permit portal", PERMITS), 10).matches();
        assertTrue(matches.get(0).entryId().startsWith("permits-"), matches.toString());
        for (int i = 1; i < matches.size(); i++) {
            assertTrue(matches.get(i - 1).score() >= matches.get(i).score(), "scores still fall down the ranking");
        }
    }

    @Test
    void withNothingMarked_theCheckIsExactlyTheCheckWithoutMarks() {
        twoEqualPortals();
        var draft = plan("City A", "Building permit portal", PERMITS);
        var without = checkingWith(BestPracticeMarks.NONE).check(draft, 10);
        var withEmpty = checkingWith(new Marks(Map.of())).check(draft, 10);
        assertEquals(without.matches(), withEmpty.matches());
        assertEquals(without.recommendation(), withEmpty.recommendation());
    }

    @Test
    void bestPracticeFilter_keepsOnlyMarkedMatches_butTheRecommendationWeighsEveryEntry() {
        twoEqualPortals();
        var draft = plan("City A", "Building permit portal", PERMITS);
        var marks = new Marks(Map.of("permits-c", List.of(new PracticeMark("prov-north", "North", "Open source."))));
        var all = checkingWith(marks).check(draft, 5, false);
        var filtered = checkingWith(marks).check(draft, 5, true);
        assertEquals(List.of("permits-c"), filtered.matches().stream().map(Match::entryId).toList());
        assertEquals(all.recommendation(), filtered.recommendation());
        assertEquals(List.of(), checkingWith(BestPracticeMarks.NONE).check(draft, 5, true).matches());
    }
}
