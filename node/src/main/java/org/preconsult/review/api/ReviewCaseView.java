package org.preconsult.review.api;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.preconsult.common.model.Outcome;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.redundancy.api.RedundancyCheckResponse;
import org.preconsult.review.model.CaseStatus;
import org.preconsult.review.model.ReviewCase;

/** A review case as a reviewer reads it: the plan, the evidence, the clock and the decision. */
@Serdeable
record ReviewCaseView(
        String id,
        CaseStatus status,
        PlanView plan,
        RedundancyCheckResponse evidence,
        List<PreliminaryView> preliminaryReviews,
        String routingReason,
        String decidingLevel,
        String forwardedTo,
        Instant openedAt,
        Instant dueAt,
        double remainingDays,
        boolean overdue,
        Double turnaroundDays,
        String previousCaseId,
        String overrideReason,
        DecisionView decision) {

    @Serdeable
    record PreliminaryView(String reviewingNode, String opinion, String recommendedOutcome, List<String> reasons,
                           String routingReason, List<PreliminaryReview.MatchBrief> matches) {
    }

    @Serdeable
    record PlanView(String planId, int revision, String originNode, String ownerName, String title, String purpose,
                    List<String> functions, String functionCode, BigDecimal budget, LocalDate plannedStart,
                    LocalDate plannedEnd, String platform, String language, boolean disasterOrSafety,
                    Instant submittedAt) {
    }

    @Serdeable
    record ConditionView(String id, String text, LocalDate dueDate, String entryId) {
    }

    @Serdeable
    record DecisionView(String decisionId, Outcome outcome, List<String> reasons, List<ConditionView> conditions,
                        String decidedBy, boolean automatic, Instant decidedAt) {
    }

    static ReviewCaseView of(ReviewCase c, Instant now) {
        var p = c.plan();
        var plan = new PlanView(p.planId(), p.revision(), p.ownerNode(), p.ownerName(), p.title(), p.purpose(),
                p.functions(), p.functionCode(), p.budget(), p.plannedStart(), p.plannedEnd(), p.platform(),
                p.language(), p.disasterOrSafety(), p.submittedAt());
        var d = c.decision();
        var decision = d == null ? null : new DecisionView(d.decisionId(), d.outcome(), d.reasons(),
                d.conditions().stream().map(k -> new ConditionView(k.id(), k.text(), k.dueDate(), k.entryId())).toList(),
                d.decidedBy(), d.automatic(), d.decidedAt());
        var preliminary = c.preliminary().stream().map(r -> new PreliminaryView(r.reviewingNode(), r.opinion(),
                r.recommendedOutcome(), r.reasons(), r.routingReason(), r.matches())).toList();
        return new ReviewCaseView(c.id(), c.status(), plan,
                c.evidence() == null ? null : RedundancyCheckResponse.from(c.evidence()), preliminary,
                c.routingReason(), c.decidingLevel(), c.forwardedTo(), c.openedAt(), c.dueAt(), days(c.remaining(now)),
                c.overdue(now), c.turnaround() == null ? null : days(c.turnaround()), c.previousCaseId(),
                c.overrideReason(), decision);
    }

    private static double days(Duration duration) {
        return Math.round(duration.toMinutes() / 144.0) / 10.0;
    }
}
