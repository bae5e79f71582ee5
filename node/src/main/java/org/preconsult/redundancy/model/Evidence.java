package org.preconsult.redundancy.model;

import java.util.List;
import org.preconsult.catalogue.model.PracticeMark;

/**
 * Why an entry matched: the fields and terms that matched, the functions both share, whether the
 * function code is the same, the language pair (plan language to entry language) and whether the
 * entry belongs to the applicant itself (a re-registration), and the best-practice marks the entry
 * carries, with their reasons (empty when it has none).
 */
public record Evidence(
        List<FieldMatch> fields,
        List<String> sharedFunctions,
        boolean sameFunctionCode,
        String languagePair,
        boolean sameOwner,
        List<PracticeMark> bestPractice) {

    public Evidence {
        fields = fields == null ? List.of() : List.copyOf(fields);
        sharedFunctions = sharedFunctions == null ? List.of() : List.copyOf(sharedFunctions);
        bestPractice = bestPractice == null ? List.of() : List.copyOf(bestPractice);
    }

    /** The same evidence, saying that the entry is marked as best practice by these marks. */
    public Evidence withBestPractice(List<PracticeMark> marks) {
        return new Evidence(fields, sharedFunctions, sameFunctionCode, languagePair, sameOwner, marks);
    }

    /** Terms of one field of the entry that matched the plan. */
    public record FieldMatch(String field, List<String> terms) {
        public FieldMatch {
            terms = terms == null ? List.of() : List.copyOf(terms);
        }
    }
}
