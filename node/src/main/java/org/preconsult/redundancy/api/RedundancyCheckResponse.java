package org.preconsult.redundancy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.Evidence;
import org.preconsult.redundancy.model.Match;
import org.preconsult.redundancy.model.Recommendation;

/**
 * The answer to a redundancy check: ranked matches with their evidence, and the recommendation.
 * Nulls and empty lists are written out, so clients read one fixed shape.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RedundancyCheckResponse(List<MatchView> matches, RecommendationView recommendation) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MatchView(String entryId, String kind, @Nullable String owner, String name, double score,
            EvidenceView evidence) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EvidenceView(List<FieldMatchView> fields, List<String> sharedFunctions, boolean sameFunctionCode,
            @Nullable String languagePair, boolean sameOwner, List<BestPracticeView> bestPractice) {
    }

    /** A best-practice mark the entry carries: who marked it and why. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record BestPracticeView(String markingNode, @Nullable String markingName, String reason) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldMatchView(String field, List<String> terms) {
    }

    /** {@code proposed} is the entry to adopt or wait for; null when there is none. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RecommendationView(String outcome, List<String> reasons, @Nullable ProposedView proposed,
            double confidence) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ProposedView(String entryId, String kind, @Nullable String owner, String name, double score) {
    }

    public static RedundancyCheckResponse from(CheckResult result) {
        return new RedundancyCheckResponse(result.matches().stream().map(RedundancyCheckResponse::match).toList(),
                recommendation(result.recommendation()));
    }

    private static MatchView match(Match m) {
        return new MatchView(m.entryId(), m.kind().name(), m.owner(), m.name(), m.score(), evidence(m.evidence()));
    }

    private static EvidenceView evidence(Evidence e) {
        if (e == null) {
            return new EvidenceView(List.of(), List.of(), false, null, false, List.of());
        }
        return new EvidenceView(e.fields().stream().map(f -> new FieldMatchView(f.field(), f.terms())).toList(),
                e.sharedFunctions(), e.sameFunctionCode(), e.languagePair(), e.sameOwner(),
                e.bestPractice().stream().map(m -> new BestPracticeView(m.markingNode(), m.markingName(), m.reason()))
                        .toList());
    }

    private static RecommendationView recommendation(Recommendation r) {
        if (r == null) {
            return null;
        }
        Match p = r.proposed();
        var proposed = p == null ? null : new ProposedView(p.entryId(), p.kind().name(), p.owner(), p.name(), p.score());
        return new RecommendationView(r.outcome().name(), r.reasons(), proposed, r.confidence());
    }
}
