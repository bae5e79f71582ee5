package org.preconsult.review.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.review.infrastructure.ReviewRepositories.PolicyRow;
import org.preconsult.review.infrastructure.ReviewRepositories.PolicyRows;

/**
 * The operator's choice of automatic decisions: off by default. When on, a case whose
 * recommendation is UNCONDITIONAL_APPROVAL or RETURN with at least {@code minConfidence} is
 * decided when it opens, and the decision says it was automatic.
 */
@Singleton
public class ReviewPolicy {

    /** The policy in force. */
    public record Policy(boolean automaticDecisions, double minConfidence) {
    }

    static final Policy DEFAULT = new Policy(false, 0.9);
    private static final int ROW = 1;

    private final PolicyRows rows;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentActor actor;

    public ReviewPolicy(PolicyRows rows, Clock clock, AuditTrail audit, CurrentActor actor) {
        this.rows = rows;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
    }

    @Transactional(readOnly = true)
    public Policy current() {
        return rows.findById(ROW).map(r -> new Policy(r.automaticDecisions(), r.minConfidence().doubleValue()))
                .orElse(DEFAULT);
    }

    @Transactional
    public Policy change(Policy policy) {
        var before = current();
        var row = new PolicyRow(ROW, policy.automaticDecisions(), BigDecimal.valueOf(policy.minConfidence()),
                actor.current(), clock.instant());
        if (rows.existsById(ROW)) {
            rows.update(row);
        } else {
            rows.save(row);
        }
        audit.record(actor.current(), "REVIEW_POLICY", "review-policy", "CHANGED",
                Map.of("automaticDecisions", before.automaticDecisions(), "minConfidence", before.minConfidence()),
                Map.of("automaticDecisions", policy.automaticDecisions(), "minConfidence", policy.minConfidence()));
        return policy;
    }
}
