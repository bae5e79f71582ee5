package org.preconsult.redundancy.infrastructure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.preconsult.redundancy.model.PlanDraft;

/** A plan as both search stages see it: its texts analyzed once per check. */
final class PlanText {

    final PlanDraft plan;
    final String text;
    final String language;
    final TextAnalysis.Keys keys;
    final TextAnalysis.Keys titleKeys;
    final Set<String> titleGrams;
    final Map<String, String> entities;
    final Map<String, Set<String>> functions = new LinkedHashMap<>();
    final String functionCode;
    final String ownerKey;

    PlanText(PlanDraft plan, TextAnalysis analysis, LanguageDetector detector) {
        this.plan = plan;
        String title = plan.title() == null ? "" : plan.title();
        String description = plan.description() == null ? "" : plan.description();
        this.text = TextAnalysis.fullText(title, description, plan.functions());
        this.language = detector.resolve(plan.language(), title + " " + description);
        this.keys = analysis.keys(text, language);
        this.titleKeys = analysis.keys(title, language);
        this.titleGrams = TextSimilarity.trigrams(title);
        this.entities = Entities.of(text);
        for (String f : plan.functions()) {
            functions.put(f, analysis.keys(f, language).counts().keySet());
        }
        this.functionCode = TextAnalysis.fold(plan.functionCode());
        this.ownerKey = TextAnalysis.ownerKey(plan.owner());
    }
}
