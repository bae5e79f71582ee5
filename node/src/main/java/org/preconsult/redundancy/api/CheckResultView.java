package org.preconsult.redundancy.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.common.model.Outcome;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.Match;

/** The wire form of a redundancy check's result. */
@Serdeable
public record CheckResultView(List<MatchView> matches, RecommendationView recommendation) {

    @Serdeable
    public record MatchView(String entryId, EntryKind kind, String owner, String name, double score,
                            EvidenceView evidence) {
        static MatchView of(Match m) {
            var e = m.evidence();
            return new MatchView(m.entryId(), m.kind(), m.owner(), m.name(), m.score(), e == null ? null
                    : new EvidenceView(e.fields().stream().map(f -> new FieldView(f.field(), f.terms())).toList(),
                    e.sharedFunctions(), e.sameFunctionCode(), e.languagePair(), e.sameOwner()));
        }
    }

    @Serdeable
    public record EvidenceView(List<FieldView> fields, List<String> sharedFunctions, boolean sameFunctionCode,
                               String languagePair, boolean sameOwner) {
    }

    @Serdeable
    public record FieldView(String field, List<String> terms) {
    }

    @Serdeable
    public record ProposedView(String entryId, EntryKind kind, String owner, String name, double score) {
    }

    @Serdeable
    public record RecommendationView(Outcome outcome, List<String> reasons, ProposedView proposed, double confidence) {
    }

    public static CheckResultView of(CheckResult result) {
        var r = result.recommendation();
        var p = r == null ? null : r.proposed();
        return new CheckResultView(result.matches().stream().map(MatchView::of).toList(),
                r == null ? null : new RecommendationView(r.outcome(), r.reasons(),
                        p == null ? null : new ProposedView(p.entryId(), p.kind(), p.owner(), p.name(), p.score()),
                        r.confidence()));
    }
}
