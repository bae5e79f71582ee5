package org.preconsult.redundancy.model;

import java.util.List;

/**
 * Why an entry matched: the fields and terms that matched, the functions both share, whether the
 * function code is the same, the language pair (plan language to entry language) and whether the
 * entry belongs to the applicant itself (a re-registration).
 */
public record Evidence(
        List<FieldMatch> fields,
        List<String> sharedFunctions,
        boolean sameFunctionCode,
        String languagePair,
        boolean sameOwner) {

    public Evidence {
        fields = fields == null ? List.of() : List.copyOf(fields);
        sharedFunctions = sharedFunctions == null ? List.of() : List.copyOf(sharedFunctions);
    }

    /** Terms of one field of the entry that matched the plan. */
    public record FieldMatch(String field, List<String> terms) {
        public FieldMatch {
            terms = terms == null ? List.of() : List.copyOf(terms);
        }
    }
}
