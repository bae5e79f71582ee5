package org.preconsult.plan.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.preconsult.federation.model.PlanRef;
import org.preconsult.federation.model.Upward;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.infrastructure.PlanDeliveryRow;
import org.preconsult.plan.infrastructure.PlanRow;
import org.preconsult.plan.infrastructure.PlanRowMapper;
import org.preconsult.plan.infrastructure.PlanRows;
import org.preconsult.plan.model.Plan;
import org.preconsult.plan.model.PlanStatus;
import org.preconsult.federation.application.Upstream;

/**
 * Whether this node's submitted plans reached the parent: confirmed when the parent acknowledges
 * the envelope or reconciliation finds the plan there, refused with the parent's reason, and
 * overdue when a submission stays unconfirmed longer than {@code preconsult.sync.delivery-overdue}
 * (default 10 minutes). A plan the parent has no record of is announced again.
 */
@Singleton
public class PlanDeliveries {

    /** What the owner of a submitted plan can see about its delivery. */
    public record Delivery(Instant confirmedAt, String rejection, boolean overdue) {
    }

    private final PlanDeliveryRow.Rows rows;
    private final PlanRows plans;
    private final Upstream outbox;
    private final NodeSettings node;
    private final Clock clock;
    private final Duration overdueAfter;

    public PlanDeliveries(PlanDeliveryRow.Rows rows, PlanRows plans, Upstream outbox, NodeSettings node, Clock clock,
                          @Value("${preconsult.sync.delivery-overdue:10m}") Duration overdueAfter) {
        this.rows = rows;
        this.plans = plans;
        this.outbox = outbox;
        this.node = node;
        this.clock = clock;
        this.overdueAfter = overdueAfter;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void confirmed(String planId, int revision) {
        var key = new PlanDeliveryRow.Key(planId, revision);
        var existing = rows.findById(key);
        if (existing.isPresent() && existing.get().confirmedAt() != null) {
            return;
        }
        var row = new PlanDeliveryRow(key, clock.instant(), null, clock.instant());
        if (existing.isPresent()) {
            rows.update(row);
        } else {
            rows.save(row);
        }
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void refused(String planId, int revision, String reason) {
        var key = new PlanDeliveryRow.Key(planId, revision);
        var row = new PlanDeliveryRow(key, null, reason.length() > 1000 ? reason.substring(0, 1000) : reason, clock.instant());
        if (rows.existsById(key)) {
            rows.update(row);
        } else {
            rows.save(row);
        }
    }

    /** The delivery state of a plan's current revision; empty for a plan that was never submitted. */
    @Transactional(readOnly = true)
    public Optional<Delivery> of(Plan plan) {
        if (plan.submittedAt() == null || !node.hasParent()) {
            return Optional.empty();
        }
        var row = rows.findById(new PlanDeliveryRow.Key(plan.id(), plan.revision()));
        var confirmedAt = row.map(PlanDeliveryRow::confirmedAt).orElse(null);
        var rejection = row.map(PlanDeliveryRow::rejection).orElse(null);
        return Optional.of(new Delivery(confirmedAt, rejection, isOverdue(plan, confirmedAt, rejection)));
    }

    private boolean isOverdue(Plan plan, Instant confirmedAt, String rejection) {
        return plan.status() == PlanStatus.SUBMITTED && confirmedAt == null && rejection == null
                && plan.submittedAt().plus(overdueAfter).isBefore(clock.instant());
    }

    /** Own plans waiting for a decision from above: what the parent should hold. */
    @Transactional(readOnly = true)
    public List<PlanRef> awaitingDecision() {
        return submitted().stream().map(row -> new PlanRef(node.id(), row.id(), row.revision())).toList();
    }

    /** How many submitted plans are overdue for confirmation by the parent. */
    @Transactional(readOnly = true)
    public long overdue() {
        return submitted().stream().map(PlanRowMapper::toPlan)
                .filter(plan -> of(plan).map(Delivery::overdue).orElse(false)).count();
    }

    /** Every plan of this node in status SUBMITTED, read in pages. */
    private List<PlanRow> submitted() {
        List<PlanRow> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var batch = plans.findByStatus(PlanStatus.SUBMITTED.name(), Pageable.from(page, 500)).getContent();
            all.addAll(batch);
            if (batch.size() < 500) {
                return all;
            }
        }
    }

    /**
     * Announces a submitted plan revision again because the parent has no record of it; a plan
     * that moved on since (decided, or a newer revision) is left alone.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean announceAgain(String planId, int revision) {
        var plan = plans.findById(planId).map(PlanRowMapper::toPlan);
        if (plan.isEmpty() || plan.get().status() != PlanStatus.SUBMITTED || plan.get().revision() != revision) {
            return false;
        }
        outbox.announce(new Upward.PlanSubmitted(PlanSummaries.of(plan.get(), node)));
        return true;
    }
}
