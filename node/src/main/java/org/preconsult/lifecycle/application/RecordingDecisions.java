package org.preconsult.lifecycle.application;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.preconsult.federation.model.Upward;
import org.preconsult.lifecycle.model.PlanRecord;
import org.preconsult.lifecycle.model.Stage;
import org.preconsult.node.NodeSettings;
import org.preconsult.decision.model.ConditionStatus;
import org.preconsult.plan.application.ConditionSettled;
import org.preconsult.plan.application.PlanDecided;
import org.preconsult.plan.application.PlanSummaries;
import org.preconsult.federation.application.Upstream;

/**
 * Adds each decision applied to one of this node's plans, with the conditions it placed, to the
 * plan's record, and each settled condition's new status, and sends the record up, in the transaction that applied the decision: every node above learns of every
 * application in its subtree, its outcome and turnaround, and when an approved plan's updates
 * start to be owed.
 */
@Singleton
class RecordingDecisions {

    private final PlanRecords records;
    private final Upstream outbox;
    private final NodeSettings node;
    private final Clock clock;

    RecordingDecisions(PlanRecords records, Upstream outbox, NodeSettings node, Clock clock) {
        this.records = records;
        this.outbox = outbox;
        this.node = node;
        this.clock = clock;
    }

    /** Runs synchronously inside the transaction of the applied decision. */
    @EventListener
    void on(PlanDecided event) {
        var plan = event.plan();
        var decision = event.decision();
        var summary = PlanSummaries.of(plan, node);
        var now = clock.instant();
        var before = records.find(node.id(), plan.id())
                .orElseGet(() -> PlanRecord.first(plan.id(), node.id(), node.name(), summary.title(), summary.budget(), now));
        var line = new PlanRecord.DecisionLine(decision.planRevision(), decision.outcome().name(), summary.budget(),
                plan.submittedAt(), decision.decidedAt(), decision.decidingNode());
        var placed = decision.conditions().stream().map(c -> new PlanRecord.ConditionLine(c.id(), decision.decisionId(),
                decision.decidingNode(), c.dueDate(), ConditionStatus.OPEN, c.entryId())).toList();
        var after = before.decided(line, placed, stageOf(decision.outcome()), now);
        records.store(after);
        outbox.announce(new Upward.PlanRecordChanged(RecordSummaries.of(after)));
    }

    /**
     * Runs synchronously inside the transaction that settled one of this node's plan conditions:
     * the record, with the condition's new status, goes up, so that no node above keeps counting it
     * as owed.
     */
    @EventListener
    void on(ConditionSettled event) {
        records.find(node.id(), event.planId())
                .flatMap(r -> r.conditionSettled(event.conditionId(), event.status(), clock.instant()))
                .ifPresent(after -> {
                    records.store(after);
                    outbox.announce(new Upward.PlanRecordChanged(RecordSummaries.of(after)));
                });
    }

    static Stage stageOf(org.preconsult.common.model.Outcome outcome) {
        return switch (outcome) {
            case UNCONDITIONAL_APPROVAL -> Stage.APPROVED;
            case CONDITIONAL_APPROVAL -> Stage.CONDITIONALLY_APPROVED;
            case DEFERRAL -> Stage.DEFERRED;
            case RETURN -> Stage.RETURNED;
        };
    }
}
