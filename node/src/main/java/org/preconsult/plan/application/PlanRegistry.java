package org.preconsult.plan.application;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;
import org.preconsult.common.infrastructure.IdempotencyKeys;
import org.preconsult.federation.model.Upward;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.infrastructure.PlanDecisionRows;
import org.preconsult.plan.infrastructure.PlanRowMapper;
import org.preconsult.plan.infrastructure.PlanRows;
import org.preconsult.plan.model.Plan;
import org.preconsult.plan.model.PlanContent;
import org.preconsult.plan.model.PlanStatus;
import org.preconsult.review.application.ReviewCases;
import org.preconsult.federation.application.Upstream;

/**
 * The plans registered at this node: drafting, editing and submitting. Submission writes the status
 * change and the outbox envelope with the plan's summary in one transaction.
 */
@Singleton
public class PlanRegistry {

    private final PlanRows rows;
    private final PlanDecisionRows decisions;
    private final Upstream outbox;
    private final NodeSettings node;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final ReviewCases review;
    private final IdempotencyKeys keys;

    public PlanRegistry(PlanRows rows, PlanDecisionRows decisions, Upstream outbox, NodeSettings node, Clock clock,
                        AuditTrail audit, CurrentActor actor, ReviewCases review, IdempotencyKeys keys) {
        this.review = review;
        this.keys = keys;
        this.rows = rows;
        this.decisions = decisions;
        this.outbox = outbox;
        this.node = node;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
    }

    /** Records a new draft. */
    @Transactional
    public Plan draft(PlanContent content) {
        return draft(content, null);
    }

    /**
     * Records a new draft once per {@code Idempotency-Key} of this user: a retry with the same
     * content gets the same plan; the same key with other content is refused (422).
     */
    @Transactional
    public Plan draft(PlanContent content, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return newDraft(content);
        }
        String scoped = "plan-draft:" + actor.current() + ":" + idempotencyKey.strip();
        String hash = IdempotencyKeys.hashOf(content);
        var used = keys.claim(scoped, hash);
        if (used.isPresent()) {
            if (!used.get().requestHash().equals(hash)) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY,
                        "This Idempotency-Key was already used for a different plan; use a new key for a new plan.");
            }
            return get(used.get().summary());
        }
        var plan = newDraft(content);
        keys.complete(scoped, plan.id());
        return plan;
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
    public Plan edit(String id, PlanContent content) {
        var plan = get(id);
        if (!plan.status().isEditable()) {
            throw ProblemException.conflict("Plan " + id + " is " + plan.status()
                    + " and can no longer be edited; it can be edited again after a return or a deferral.");
        }
        var edited = plan.edited(content, clock.instant());
        var saved = PlanRowMapper.toPlan(rows.update(PlanRowMapper.toRow(edited)));
        audit.record(actor.current(), "PLAN", id, "EDITED", auditView(plan), auditView(saved));
        return saved;
    }

    /**
     * Withdraws a draft: deletes a plan that was never submitted. A plan that was submitted has a
     * history elsewhere in the federation and stays; it is refused with 409.
     */
    @Transactional
    public void withdraw(String id) {
        var plan = get(id);
        if (!plan.status().isWithdrawable()) {
            throw ProblemException.conflict("Plan " + id + " is " + plan.status()
                    + "; only a draft that was never submitted can be withdrawn.");
        }
        rows.deleteById(id);
        audit.record(actor.current(), "PLAN", id, "WITHDRAWN", auditView(plan), null);
    }

    /**
     * Submits an editable, complete plan for review. An incomplete plan is refused with what is
     * missing and never travels.
     */
    @Transactional
    public Plan submit(String id) {
        var plan = get(id);
        if (!plan.status().isEditable()) {
            throw ProblemException.conflict("Plan " + id + " is already " + plan.status() + ".");
        }
        var completeness = plan.completeness();
        if (!completeness.isComplete()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST,
                    "The plan is incomplete (" + Math.round(completeness.score() * 100) + "% complete) and was not submitted.",
                    completeness.missing().stream().map(m -> new Problem.FieldError(m.field(), m.message())).toList());
        }
        var submitted = plan.submitted(clock.instant());
        var saved = PlanRowMapper.toPlan(rows.update(PlanRowMapper.toRow(submitted)));
        var summary = PlanSummaries.of(saved, node);
        if (node.hasParent()) {
            outbox.announce(new Upward.PlanSubmitted(summary));
        } else {
            // The top of the tree reviews its own plans: the case opens here, in this transaction.
            review.receive(summary, null);
        }
        audit.record(actor.current(), "PLAN", id, "SUBMITTED", auditView(plan), auditView(saved));
        return saved;
    }

    @Transactional(readOnly = true)
    public Plan get(String id) {
        return rows.findById(id).map(PlanRowMapper::toPlan).orElseThrow(() -> ProblemException.notFound("Plan", id));
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
