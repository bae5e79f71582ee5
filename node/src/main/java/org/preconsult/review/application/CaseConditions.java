package org.preconsult.review.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.federation.model.ConditionUpdate;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.review.infrastructure.ReviewRepositories.CaseConditionRow;
import org.preconsult.review.infrastructure.ReviewRepositories.CaseConditionRows;
import org.preconsult.decision.application.ConditionChange;
import org.preconsult.decision.model.ConditionStatus;
import org.preconsult.decision.application.WaiverOutlet;
import org.preconsult.decision.model.Decision;
import org.preconsult.decision.model.Waiver;
import org.preconsult.node.NodeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conditions this node imposed with its conditional approvals, tracked as obligations: the
 * applicant's fulfilment arrives from below, a reviewer may waive one, and the deciding level sees
 * open and overdue conditions per government.
 */
@Singleton
public class CaseConditions {

    private static final Logger LOG = LoggerFactory.getLogger(CaseConditions.class);

    /** Open, overdue, fulfilled and waived conditions of one government. */
    public record GovernmentSummary(String ownerNode, String ownerName, int open, int overdue, int fulfilled, int waived) {
    }

    private final CaseConditionRows rows;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final WaiverOutlet waivers;
    private final NodeSettings node;

    public CaseConditions(CaseConditionRows rows, Clock clock, AuditTrail audit, CurrentActor actor,
                          WaiverOutlet waivers, NodeSettings node) {
        this.waivers = waivers;
        this.node = node;
        this.rows = rows;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void issued(Decision decision, PlanSummary plan) {
        for (var c : decision.conditions()) {
            rows.save(new CaseConditionRow(c.id(), decision.caseId(), decision.decisionId(), decision.planId(),
                    decision.originNode(), plan.ownerName(), c.text(), c.dueDate(), c.entryId(),
                    ConditionStatus.OPEN.name(), null, null, clock.instant()));
        }
    }

    /**
     * Applies a status change reported by the applicant. Only the plan's owner may change its
     * conditions; an update about an unknown condition or from another node is refused.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<String> applyUpdate(ConditionUpdate update) {
        var row = rows.findById(update.conditionId());
        if (row.isEmpty()) {
            return Optional.of("no condition " + update.conditionId() + " was issued here");
        }
        if (!row.get().ownerNode().equals(update.ownerNode())) {
            return Optional.of("condition " + update.conditionId() + " belongs to " + row.get().ownerNode());
        }
        ConditionStatus status;
        try {
            status = ConditionStatus.valueOf(update.status());
        } catch (IllegalArgumentException e) {
            return Optional.of("unknown condition status " + update.status());
        }
        if (row.get().status().equals(ConditionStatus.WAIVED.name())) {
            LOG.info("Condition {} was waived here; the applicant's {} is kept as evidence only", update.conditionId(), status);
        }
        var before = row.get();
        var after = new CaseConditionRow(before.conditionId(), before.caseId(), before.decisionId(), before.planId(),
                before.ownerNode(), before.ownerName(), before.text(), before.dueDate(), before.entryId(),
                before.status().equals(ConditionStatus.WAIVED.name()) ? before.status() : status.name(),
                update.evidence(), update.changedBy() + "@" + update.ownerNode(), clock.instant());
        rows.update(after);
        audit.record(CurrentActor.federation(update.ownerNode()), "CONDITION", before.conditionId(), "STATUS_REPORTED",
                Map.of("status", before.status()), Map.of("status", after.status()));
        return Optional.empty();
    }

    /**
     * A reviewer of the deciding level releases the applicant from a condition; the waiver, signed
     * by this node, goes down to the plan's owner in the same transaction.
     */
    @Transactional
    public ConditionChange<CaseConditionRow> waive(String conditionId, String reason) {
        var found = rows.findById(conditionId);
        if (found.isEmpty()) {
            return new ConditionChange.UnknownCondition<>(conditionId);
        }
        var before = found.get();
        if (!ConditionStatus.valueOf(before.status()).isOpen()) {
            return new ConditionChange.AlreadySettled<>(conditionId, before.status());
        }
        var after = new CaseConditionRow(before.conditionId(), before.caseId(), before.decisionId(), before.planId(),
                before.ownerNode(), before.ownerName(), before.text(), before.dueDate(), before.entryId(),
                ConditionStatus.WAIVED.name(), reason, actor.current(), clock.instant());
        rows.update(after);
        audit.record(actor.current(), "CONDITION", conditionId, "WAIVED", Map.of("status", before.status()),
                Map.of("status", after.status(), "reason", reason));
        waivers.send(new Waiver(java.util.UUID.randomUUID().toString(), conditionId, before.decisionId(),
                before.planId(), before.ownerNode(), node.id(), reason, after.updatedAt(), actor.current()));
        return new ConditionChange.Settled<>(after);
    }

    @Transactional(readOnly = true)
    public Page<CaseConditionRow> list(ConditionStatus status, Pageable pageable) {
        return status == null ? rows.findAll(pageable) : rows.findByStatus(status.name(), pageable);
    }

    /** Per government: what is open, overdue (open past its due date), fulfilled and waived. */
    @Transactional(readOnly = true)
    public List<GovernmentSummary> perGovernment() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (var row : rows.findAllOrderByOwnerNode()) {
            int[] c = counts.computeIfAbsent(row.ownerNode(), k -> new int[4]);
            names.putIfAbsent(row.ownerNode(), row.ownerName());
            switch (ConditionStatus.valueOf(row.status())) {
                case OPEN -> {
                    c[0]++;
                    if (row.dueDate().isBefore(today)) {
                        c[1]++;
                    }
                }
                case FULFILLED -> c[2]++;
                case WAIVED -> c[3]++;
            }
        }
        List<GovernmentSummary> summaries = new ArrayList<>();
        counts.forEach((owner, c) -> summaries.add(new GovernmentSummary(owner, names.get(owner), c[0], c[1], c[2], c[3])));
        return summaries;
    }

    /** The ids of the conditions this node waived. */
    @Transactional(readOnly = true)
    public java.util.Set<String> waived() {
        return rows.findConditionIdByStatus(ConditionStatus.WAIVED.name());
    }

    public boolean overdue(CaseConditionRow row) {
        return row.status().equals(ConditionStatus.OPEN.name())
                && row.dueDate().isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
