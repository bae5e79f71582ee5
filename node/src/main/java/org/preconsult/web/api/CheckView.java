package org.preconsult.web.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.Match;

/**
 * A redundancy check as the pages show it: the recommendation and each match with its evidence
 * (shared functions, the words that matched in each field, same function code, owner) and a link
 * to the catalogue entry.
 */
public record CheckView(String recommended, List<String> reasons, List<MatchView> matches) {

    /** One match. */
    public record MatchView(String entryId, String kind, String owner, String name, int scorePercent,
                            List<String> sharedFunctions, List<FieldTerms> fields, boolean sameFunctionCode,
                            boolean sameOwner, String languagePair, String href) {
    }

    /** The words that matched in one field of the entry. */
    public record FieldTerms(String field, String terms) {
    }

    static CheckView of(CheckResult result) {
        if (result == null) {
            return new CheckView(null, List.of(), List.of());
        }
        var r = result.recommendation();
        return new CheckView(r == null ? null : r.outcome().name(), r == null ? List.of() : r.reasons(),
                result.matches().stream().map(CheckView::match).toList());
    }

    private static MatchView match(Match m) {
        var e = m.evidence();
        return new MatchView(m.entryId(), m.kind().name(), m.owner(), m.name(), (int) Math.round(m.score() * 100),
                e == null ? List.of() : e.sharedFunctions(),
                e == null ? List.of() : e.fields().stream().map(f -> new FieldTerms(f.field(), String.join(", ", f.terms()))).toList(),
                e != null && e.sameFunctionCode(), e != null && e.sameOwner(), e == null ? null : e.languagePair(),
                entryHref(m.entryId()));
    }

    static String entryHref(String entryId) {
        return "/catalogue/entry?id=" + URLEncoder.encode(entryId, StandardCharsets.UTF_8);
    }
}
