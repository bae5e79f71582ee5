package org.preconsult.plan.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.plan.infrastructure.PlanDecisionRow;
import org.preconsult.plan.infrastructure.PlanDecisionRows;
import org.preconsult.plan.infrastructure.PlanRowMapper;
import org.preconsult.plan.infrastructure.PlanRows;
import org.preconsult.plan.model.PlanStatus;
import org.preconsult.decision.application.DecidedPlans;
import org.preconsult.decision.infrastructure.ConditionsJson;
import org.preconsult.decision.model.Decision;

/**
 * Applies a verified decision to the plan it is about, at the plan's owner: the plan takes the
 * decision's status and the decision (with reasons and conditions) is kept with the plan. Called by
 * the decision feature once the signature and freshness are checked.
 */
@Singleton
public class ApplyingDecision implements DecidedPlans {

    private final PlanRows plans;
    private final PlanDecisionRows decisions;
    private final Clock clock;
    private final AuditTrail audit;
    private final ConditionsJson conditionsJson;
    private final PlanConditions conditions;
    private final ApplicationEventPublisher<PlanDecided> planDecided;

    public ApplyingDecision(PlanRows plans, PlanDecisionRows decisions, Clock clock, AuditTrail audit,
                            ConditionsJson conditionsJson, PlanConditions conditions,
                            ApplicationEventPublisher<PlanDecided> planDecided) {
        this.planDecided = planDecided;
        this.conditions = conditions;
        this.plans = plans;
        this.decisions = decisions;
        this.clock = clock;
        this.audit = audit;
        this.conditionsJson = conditionsJson;
    }

    /** Applies the decision; empty when applied, else why it was refused. */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<Refusal> apply(Decision decision, String keyId) {
        var row = plans.findById(decision.planId());
        if (row.isEmpty()) {
            return Optional.of(Refusal.UNKNOWN_PLAN);
        }
        var plan = PlanRowMapper.toPlan(row.get());
        if (plan.revision() != decision.planRevision() || plan.status() != PlanStatus.SUBMITTED) {
            return Optional.of(Refusal.STALE_REVISION);
        }
        var now = clock.instant();
        decisions.save(new PlanDecisionRow(decision.decisionId(), plan.id(), decision.planRevision(), decision.caseId(),
                decision.outcome().name(), TextLists.join(decision.reasons()), conditionsJson.write(decision.conditions()),
                decision.decidingNode(), decision.decidedBy(), decision.automatic(), decision.decidedAt(), now, keyId));
        var decided = plan.decided(statusOf(decision), decision.caseId(), now);
        plans.update(PlanRowMapper.toRow(decided));
        conditions.received(decision);
        audit.record(CurrentActor.federation(decision.decidingNode()), "PLAN", plan.id(), "DECISION_APPLIED",
                PlanRegistry.auditView(plan), PlanRegistry.auditView(decided));
        planDecided.publishEvent(new PlanDecided(decided, decision));
        return Optional.empty();
    }

    static PlanStatus statusOf(Decision decision) {
        return switch (decision.outcome()) {
            case UNCONDITIONAL_APPROVAL -> PlanStatus.APPROVED;
            case CONDITIONAL_APPROVAL -> PlanStatus.CONDITIONALLY_APPROVED;
            case DEFERRAL -> PlanStatus.DEFERRED;
            case RETURN -> PlanStatus.RETURNED;
        };
    }
}
