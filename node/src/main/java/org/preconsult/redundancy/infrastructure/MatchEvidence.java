package org.preconsult.redundancy.infrastructure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.preconsult.redundancy.model.Evidence;
import org.preconsult.redundancy.model.Match;

/** Turns a scored candidate into the match a person reads: rounded score and the evidence for it. */
final class MatchEvidence {

    private static final int EVIDENCE_TERMS = 8;

    private MatchEvidence() {
    }

    static Match toMatch(Scored s, PlanText p, DocFreqCache idf) {
        EntryText entry = s.entry();
        List<Evidence.FieldMatch> fields = new ArrayList<>();
        boolean translated = !Objects.equals(p.language, entry.language);
        addField(fields, "name", shared(p.keys, entry.name, idf, translated));
        addField(fields, "description", shared(p.keys, entry.description, idf, translated));
        addField(fields, "entities", s.sharedEntities().stream().map(entry.entities::get).toList());
        String pair = p.language + "→" + entry.language;
        var evidence = new Evidence(fields, s.sharedFunctions(), s.sameFunctionCode(), pair, s.sameOwner(),
                List.of());
        return new Match(entry.id, entry.kind, entry.owner, entry.name.text(), round(s.score()), evidence);
    }

    private static void addField(List<Evidence.FieldMatch> fields, String name, List<String> terms) {
        if (!terms.isEmpty()) {
            fields.add(new Evidence.FieldMatch(name, terms));
        }
    }

    /**
     * Entry words whose keys the plan shares, rarest first, as the entry writes them; across
     * languages followed by the plan's word when it is a translation ("management (gestion)"),
     * not when it is the same word inflected or accented ("electronic", "électronique").
     */
    private static List<String> shared(TextAnalysis.Keys plan, EntryText.NamedKeys entry, DocFreqCache idf,
                                       boolean translated) {
        return entry.keys().counts().keySet().stream()
                .filter(plan.counts()::containsKey)
                .sorted(Comparator.comparingDouble(k -> -idf.idf(TextAnalysis.KEYS, k)))
                .limit(EVIDENCE_TERMS)
                .map(k -> {
                    String word = entry.keys().surfaces().get(k);
                    String planWord = plan.surfaces().get(k);
                    return translated && planWord != null && !sameStart(planWord, word) ? word + " (" + planWord + ")" : word;
                })
                .toList();
    }

    private static boolean sameStart(String a, String b) {
        String fa = TextAnalysis.fold(a);
        String fb = TextAnalysis.fold(b);
        int n = Math.min(TextAnalysis.KEY_LENGTH, Math.min(fa.length(), fb.length()));
        return fa.regionMatches(0, fb, 0, n) && n > 0;
    }

    /** The score as a match shows it: four decimals. */
    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
