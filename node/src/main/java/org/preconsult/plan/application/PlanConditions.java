package org.preconsult.plan.application;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.federation.model.ConditionUpdate;
import org.preconsult.federation.model.Upward;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.infrastructure.PlanConditionRow;
import org.preconsult.decision.application.ConditionChange;
import org.preconsult.decision.model.ConditionStatus;
import org.preconsult.decision.model.Decision;
import org.preconsult.federation.application.Upstream;

/**
 * The conditions placed on this government's plans, as it tracks them: it records fulfilment with
 * evidence, and the status travels up to the deciding node in the same transaction (and, through
 * {@link ConditionSettled}, into the plan's record that every node above keeps).
 */
@Singleton
public class PlanConditions implements org.preconsult.decision.application.WaivedConditions {

    private final PlanConditionRow.Rows rows;
    private final Upstream outbox;
    private final NodeSettings node;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final ApplicationEventPublisher<ConditionSettled> settled;

    public PlanConditions(PlanConditionRow.Rows rows, Upstream outbox, NodeSettings node, Clock clock, AuditTrail audit,
                          CurrentActor actor, ApplicationEventPublisher<ConditionSettled> settled) {
        this.settled = settled;
        this.rows = rows;
        this.outbox = outbox;
        this.node = node;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void received(Decision decision) {
        for (var c : decision.conditions()) {
            if (!rows.existsById(c.id())) {
                rows.save(new PlanConditionRow(c.id(), decision.planId(), decision.decisionId(), decision.decidingNode(),
                        c.text(), c.dueDate(), c.entryId(), ConditionStatus.OPEN.name(), null, null, clock.instant()));
            }
        }
    }

    @Transactional(readOnly = true)
    public List<PlanConditionRow> of(String planId) {
        return rows.findByPlanIdOrderByDueDate(planId);
    }

    /** The conditions of several plans in one query, by plan id (plans without conditions are absent). */
    @Transactional(readOnly = true)
    public Map<String, List<PlanConditionRow>> ofPlans(java.util.Collection<String> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        return rows.findByPlanIdIn(planIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(PlanConditionRow::planId));
    }

    /**
     * Applies a verified waiver from the node that imposed the condition: only that node (as this
     * node recorded it) may waive it. An open condition becomes WAIVED, audited as the deciding
     * node's federation actor; a waived or fulfilled one stays as it is, so a replay changes nothing.
     */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public java.util.Optional<String> waive(org.preconsult.decision.model.Waiver waiver, String signerNode) {
        var found = rows.findById(waiver.conditionId()).filter(r -> r.planId().equals(waiver.planId()));
        if (found.isEmpty()) {
            return java.util.Optional.of("no condition " + waiver.conditionId() + " on plan " + waiver.planId());
        }
        var before = found.get();
        if (!before.decidingNode().equals(signerNode)) {
            return java.util.Optional.of("condition " + waiver.conditionId() + " was imposed by " + before.decidingNode()
                    + ", not by " + signerNode);
        }
        String by = CurrentActor.federation(signerNode);
        if (rows.waiveIfOpen(before.conditionId(), waiver.reason(), by, clock.instant()) == 0) {
            return java.util.Optional.empty();
        }
        audit.record(by, "CONDITION", before.conditionId(), "WAIVED", Map.of("status", before.status()),
                Map.of("status", ConditionStatus.WAIVED.name(), "reason", waiver.reason() == null ? "" : waiver.reason()));
        settled.publishEvent(new ConditionSettled(before.planId(), before.conditionId(), ConditionStatus.WAIVED));
        return java.util.Optional.empty();
    }

    /** Records that an open condition is fulfilled, with the evidence, and reports it upward. */
    @Transactional
    public ConditionChange<PlanConditionRow> fulfil(String planId, String conditionId, String evidence) {
        var found = rows.findById(conditionId).filter(r -> r.planId().equals(planId));
        if (found.isEmpty()) {
            return new ConditionChange.UnknownCondition<>(conditionId);
        }
        var before = found.get();
        if (!ConditionStatus.valueOf(before.status()).isOpen()) {
            return new ConditionChange.AlreadySettled<>(conditionId, before.status());
        }
        var now = clock.instant();
        var after = new PlanConditionRow(before.conditionId(), planId, before.decisionId(), before.decidingNode(),
                before.text(), before.dueDate(), before.entryId(), ConditionStatus.FULFILLED.name(), evidence,
                actor.current(), now);
        rows.update(after);
        outbox.announce(new Upward.ConditionUpdated(new ConditionUpdate(before.decisionId(), conditionId, planId, node.id(),
                before.decidingNode(), ConditionStatus.FULFILLED.name(), evidence, now, actor.current())));
        audit.record(actor.current(), "CONDITION", conditionId, "FULFILLED", Map.of("status", before.status()),
                Map.of("status", after.status()));
        settled.publishEvent(new ConditionSettled(planId, conditionId, ConditionStatus.FULFILLED));
        return new ConditionChange.Settled<>(after);
    }

    /**
     * Fulfils every open condition that names the catalogue entry (an "adopt system X" condition)
     * because the adoption of that entry was completed; each status travels up to its deciding
     * node in the caller's transaction. Returns the conditions fulfilled.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public List<PlanConditionRow> fulfilByAdoption(String entryId, String evidence, String by) {
        var now = clock.instant();
        var fulfilled = new java.util.ArrayList<PlanConditionRow>();
        for (var before : rows.findByEntryIdAndStatus(entryId, ConditionStatus.OPEN.name())) {
            var after = new PlanConditionRow(before.conditionId(), before.planId(), before.decisionId(), before.decidingNode(),
                    before.text(), before.dueDate(), before.entryId(), ConditionStatus.FULFILLED.name(), evidence, by, now);
            rows.update(after);
            outbox.announce(new Upward.ConditionUpdated(new ConditionUpdate(before.decisionId(), before.conditionId(),
                    before.planId(), node.id(), before.decidingNode(), ConditionStatus.FULFILLED.name(), evidence, now, by)));
            audit.record(by, "CONDITION", before.conditionId(), "FULFILLED", Map.of("status", before.status()),
                    Map.of("status", after.status(), "evidence", evidence));
            settled.publishEvent(new ConditionSettled(before.planId(), before.conditionId(), ConditionStatus.FULFILLED));
            fulfilled.add(after);
        }
        return fulfilled;
    }
}
