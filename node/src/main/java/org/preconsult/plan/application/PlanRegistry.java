package org.preconsult.plan.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.common.infrastructure.IdempotencyKeys;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.infrastructure.PlanDecisionRows;
import org.preconsult.plan.infrastructure.PlanRowMapper;
import org.preconsult.plan.infrastructure.PlanRows;
import org.preconsult.plan.model.Plan;
import org.preconsult.plan.model.PlanContent;
import org.preconsult.plan.model.PlanStatus;
import org.preconsult.federation.application.OwnPlanReview;

/**
 * The plans registered at this node: drafting, editing, withdrawing and submitting. Submission
 * writes the status change and hands the plan's summary to review (upward through the outbox, or
 * into review here at the top) in one transaction. Each change returns a {@link PlanChange}.
 */
@Singleton
public class PlanRegistry {

    private final PlanRows rows;
    private final PlanDecisionRows decisions;
    private final NodeSettings node;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final OwnPlanReview review;
    private final IdempotencyKeys keys;

    public PlanRegistry(PlanRows rows, PlanDecisionRows decisions, NodeSettings node, Clock clock,
                        AuditTrail audit, CurrentActor actor, OwnPlanReview review, IdempotencyKeys keys) {
        this.review = review;
        this.keys = keys;
        this.rows = rows;
        this.decisions = decisions;
        this.node = node;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
    }

    /** Records a new draft. */
    @Transactional
    public Plan draft(PlanContent content) {
        return newDraft(content);
    }

    /**
     * Records a new draft once per {@code Idempotency-Key} of this user: a retry with the same
     * content gets the same plan; the same key with other content is refused.
     */
    @Transactional
    public PlanChange draft(PlanContent content, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new PlanChange.Done(newDraft(content));
        }
        String scoped = "plan-draft:" + actor.current() + ":" + idempotencyKey.strip();
        String hash = IdempotencyKeys.hashOf(content);
        var used = keys.claim(scoped, hash);
        if (used.isPresent()) {
            if (!used.get().requestHash().equals(hash)) {
                return new PlanChange.KeyReused();
            }
            String planId = used.get().summary();
            return find(planId).<PlanChange>map(PlanChange.Done::new).orElse(new PlanChange.UnknownPlan(planId));
        }
        var plan = newDraft(content);
        keys.complete(scoped, plan.id());
        return new PlanChange.Done(plan);
    }

    private Plan newDraft(PlanContent content) {
        var now = clock.instant();
        var plan = new Plan(UUID.randomUUID().toString(), 0, content, PlanStatus.DRAFT, null, actor.current(), now, now, null, 0);
        rows.save(PlanRowMapper.toRow(plan));
        audit.record(actor.current(), "PLAN", plan.id(), "DRAFTED", null, auditView(plan));
        return plan;
    }

    /** Replaces the content of a plan that is still editable. */
    @Transactional
    public PlanChange edit(String id, PlanContent content) {
        var found = find(id);
        if (found.isEmpty()) {
            return new PlanChange.UnknownPlan(id);
        }
        var plan = found.get();
        if (!plan.status().isEditable()) {
            return new PlanChange.NotEditable(id, plan.status());
        }
        var edited = plan.edited(content, clock.instant());
        var saved = PlanRowMapper.toPlan(rows.update(PlanRowMapper.toRow(edited)));
        audit.record(actor.current(), "PLAN", id, "EDITED", auditView(plan), auditView(saved));
        return new PlanChange.Done(saved);
    }

    /**
     * Withdraws a draft: deletes a plan that was never submitted. A plan that was submitted has a
     * history elsewhere in the federation and stays.
     */
    @Transactional
    public PlanChange withdraw(String id) {
        var found = find(id);
        if (found.isEmpty()) {
            return new PlanChange.UnknownPlan(id);
        }
        var plan = found.get();
        if (!plan.status().isWithdrawable()) {
            return new PlanChange.NotWithdrawable(id, plan.status());
        }
        rows.deleteById(id);
        audit.record(actor.current(), "PLAN", id, "WITHDRAWN", auditView(plan), null);
        return new PlanChange.Done(null);
    }

    /**
     * Submits an editable, complete plan for review: its summary goes where review is done
     * ({@link OwnPlanReview}: up to the parent, or into review here at the top). An incomplete
     * plan is refused with what is missing and never travels.
     */
    @Transactional
    public PlanChange submit(String id) {
        var found = find(id);
        if (found.isEmpty()) {
            return new PlanChange.UnknownPlan(id);
        }
        var plan = found.get();
        if (!plan.status().isEditable()) {
            return new PlanChange.AlreadySubmitted(id, plan.status());
        }
        var completeness = plan.completeness();
        if (!completeness.isComplete()) {
            return new PlanChange.Incomplete(completeness);
        }
        var submitted = plan.submitted(clock.instant());
        var saved = PlanRowMapper.toPlan(rows.update(PlanRowMapper.toRow(submitted)));
        review.submitted(PlanSummaries.of(saved, node));
        audit.record(actor.current(), "PLAN", id, "SUBMITTED", auditView(plan), auditView(saved));
        return new PlanChange.Done(saved);
    }

    /** The plan of this id; empty when this node has none. */
    @Transactional(readOnly = true)
    public Optional<Plan> find(String id) {
        return rows.findById(id).map(PlanRowMapper::toPlan);
    }

    @Transactional(readOnly = true)
    public Page<Plan> list(PlanStatus status, Pageable pageable) {
        var page = status == null ? rows.findAll(pageable) : rows.findByStatus(status.name(), pageable);
        return page.map(PlanRowMapper::toPlan);
    }

    @Transactional(readOnly = true)
    public List<org.preconsult.plan.infrastructure.PlanDecisionRow> decisionsOf(String planId) {
        return decisions.findByPlanIdOrderByDecidedAt(planId);
    }

    static Map<String, Object> auditView(Plan plan) {
        return Map.of("status", plan.status().name(), "revision", plan.revision(), "title", plan.content().title(),
                "version", plan.version());
    }
}
