package org.preconsult.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.redundancy.application.RedundancyProperties;

/**
 * Plans written in French, German, Dutch, Italian, Korean and Chinese find the English entry of the
 * same system, with the glossary clearly better than without it; the dev catalogue, when present,
 * joins as distractors.
 */
class CrossLanguageEvaluationTest {

    /** The dev catalogue as distractors when the shared benchmark directory is present, else none. */
    private static List<CatalogueEntry> devCatalogue() {
        var file = DevSet.devDir().resolve("catalogue.jsonl");
        return Files.isRegularFile(file) ? DevSet.readCatalogue(file) : List.of();
    }

    @Test
    void plansInSixLanguages_findTheirEnglishDuplicateFarMoreOftenWithTheGlossary_andNoLanguageLoses() {
        List<CatalogueEntry> distractors = devCatalogue();
        DevSet set = DevSet.crossLanguage(distractors);
        var results = RedundancyEvaluation.evaluateCrossLanguage(set, RedundancyProperties.defaults(), false);
        RedundancyEvaluation.printCrossLanguage(results);

        var with = results.withGlossary().get("all");
        var without = results.withoutGlossary().get("all");
        assertTrue(with.recall5() >= without.recall5() + 0.25, "recall@5 " + with.recall5() + " vs " + without.recall5());
        assertTrue(with.mrr10() >= without.mrr10() + 0.20, "MRR@10 " + with.mrr10() + " vs " + without.mrr10());
        assertTrue(with.falseAlarms() <= 0.05, "false alarms " + with.falseAlarms());
        for (var language : List.of("fr", "de", "nl", "it", "ko", "zh")) {
            var on = results.withGlossary().get(language);
            var off = results.withoutGlossary().get(language);
            assertTrue(on.recall5() >= off.recall5() && on.mrr10() >= off.mrr10(),
                    language + ": recall@5 " + on.recall5() + " vs " + off.recall5() + ", MRR " + on.mrr10() + " vs " + off.mrr10());
        }
    }

    @Test
    void englishPlans_findTheirDuplicateAmongEntriesInSixLanguages_throughTheGlossaryAtIndexTime() {
        List<CatalogueEntry> distractors = devCatalogue();
        DevSet reversed = DevSet.reversed(DevSet.crossLanguage(distractors), distractors);
        var results = RedundancyEvaluation.evaluateCrossLanguage(reversed, RedundancyProperties.defaults(), false);
        RedundancyEvaluation.printCrossLanguage(results);

        var with = results.withGlossary().get("all");
        var without = results.withoutGlossary().get("all");
        assertTrue(with.recall5() >= without.recall5() + 0.25, "recall@5 " + with.recall5() + " vs " + without.recall5());
        assertTrue(with.falseAlarms() <= 0.05, "false alarms " + with.falseAlarms());
    }
}
