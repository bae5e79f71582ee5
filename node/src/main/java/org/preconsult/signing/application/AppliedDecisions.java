package org.preconsult.signing.application;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.preconsult.signing.infrastructure.AppliedDecisionTable;
import org.preconsult.signing.model.RejectionReason;
import org.preconsult.signing.model.ReplayCheck;

/**
 * Remembers which decisions were applied at this node, so that none is applied twice and no plan
 * revision receives two different decisions.
 *
 * <p>A plan revision is reviewed in one case and decided once; a corrected outcome comes as a new
 * revision of the plan. A second decision for the same revision under a new decision id is
 * therefore either a fault at the deciding node or a signed decision replayed with its id changed,
 * and it is refused ({@link RejectionReason#CONFLICTING_DECISION}) rather than silently replacing
 * the first.
 */
@Singleton
public class AppliedDecisions {

    private final AppliedDecisionTable table;
    private final RejectedDecisions rejected;

    public AppliedDecisions(AppliedDecisionTable table, RejectedDecisions rejected) {
        this.table = table;
        this.rejected = rejected;
    }

    /** Whether the decision could still be applied; reads only (verification calls it). */
    @Transactional(readOnly = true)
    public ReplayCheck check(String decisionId, String planId, int planRevision) {
        return conflict(decisionId, planId, planRevision).<ReplayCheck>map(r -> r).orElse(new ReplayCheck.Fresh(decisionId));
    }

    /**
     * Marks the decision applied, in the transaction that applies it; call it before the effect
     * and apply only on {@code Fresh}. {@code Replayed} means another transaction got there first:
     * do not apply (the rejection is recorded already).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ReplayCheck markApplied(String decisionId) {
        return mark(decisionId, null, null, null);
    }

    /** As {@link #markApplied(String)}, and also refuses a second decision for the same plan revision. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public ReplayCheck markApplied(String decisionId, String planId, int planRevision, String signerNode) {
        return mark(decisionId, planId, planRevision, signerNode);
    }

    private ReplayCheck mark(String decisionId, String planId, Integer planRevision, String signerNode) {
        if (table.insertIfAbsent(decisionId, planId, planRevision, Instant.now())) {
            return new ReplayCheck.Fresh(decisionId);
        }
        var replayed = conflict(decisionId, planId, planRevision).orElseGet(() -> new ReplayCheck.Replayed(
                decisionId, RejectionReason.REPLAYED, "Decision " + decisionId + " was applied at this node already."));
        rejected.record(decisionId, signerNode, null, replayed.reason(), replayed.message());
        return replayed;
    }

    private Optional<ReplayCheck.Replayed> conflict(String decisionId, String planId, Integer planRevision) {
        Optional<Instant> appliedAt = table.appliedAt(decisionId);
        if (appliedAt.isPresent()) {
            return Optional.of(new ReplayCheck.Replayed(decisionId, RejectionReason.REPLAYED,
                    "Decision " + decisionId + " was applied at this node at " + appliedAt.get() + "."));
        }
        if (planId == null || planRevision == null) {
            return Optional.empty();
        }
        return table.decisionFor(planId, planRevision).map(other -> new ReplayCheck.Replayed(decisionId,
                RejectionReason.CONFLICTING_DECISION, "Plan " + planId + " revision " + planRevision
                + " already has decision " + other + "; a revision is decided once."));
    }
}
