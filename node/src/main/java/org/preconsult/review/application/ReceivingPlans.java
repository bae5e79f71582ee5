package org.preconsult.review.application;

import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.federation.application.OwnPlanReview;
import org.preconsult.federation.application.Upstream;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.federation.model.Upward;
import org.preconsult.node.NodeSettings;
import org.preconsult.redundancy.application.RedundancyCheck;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.PlanDraft;
import org.preconsult.review.infrastructure.JsonColumns;
import org.preconsult.review.infrastructure.ReceivedPlanRow;
import org.preconsult.review.infrastructure.ReviewCaseRow;
import org.preconsult.review.infrastructure.ReviewRepositories.ReceivedPlanRows;
import org.preconsult.review.infrastructure.ReviewRepositories.ReviewCaseRows;
import org.preconsult.review.model.CaseStatus;
import org.preconsult.review.model.Routing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plan arrives for review at this node (from the subtree, or this node's own plan at the top)
 * and is put where it is reviewed: a case opens here, with the redundancy check as evidence, or
 * (at a provincial node, above its threshold) the plan goes up with this node's preliminary review.
 * The one place that asks whether this node is the top of the tree, where review ends.
 */
@Singleton
public class ReceivingPlans implements OwnPlanReview {

    private static final Logger LOG = LoggerFactory.getLogger(ReceivingPlans.class);
    private static final int EVIDENCE_MATCHES = 10;

    private final ReviewCaseRows cases;
    private final ReceivedPlanRows received;
    private final JsonColumns json;
    private final NodeSettings node;
    private final ReviewSettings settings;
    private final Clock clock;
    private final BeanProvider<RedundancyCheck> checking;
    private final Upstream upstream;
    private final DecidingCases deciding;
    private final AuditTrail audit;

    ReceivingPlans(ReviewCaseRows cases, ReceivedPlanRows received, JsonColumns json, NodeSettings node,
                   ReviewSettings settings, Clock clock, BeanProvider<RedundancyCheck> checking, Upstream upstream,
                   DecidingCases deciding, AuditTrail audit) {
        this.cases = cases;
        this.received = received;
        this.json = json;
        this.node = node;
        this.settings = settings;
        this.clock = clock;
        this.checking = checking;
        this.upstream = upstream;
        this.deciding = deciding;
        this.audit = audit;
    }

    /**
     * This node's own plan was submitted: it goes up to the parent, or (at the top of the tree) a
     * case opens here, in the submitting transaction.
     */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void submitted(PlanSummary plan) {
        if (node.isTop()) {
            receive(plan, null);
        } else {
            upstream.announce(new Upward.PlanSubmitted(plan));
        }
    }

    /**
     * A plan a province below forwarded, with its preliminary review: reviewed here when this node
     * is the top of the tree; otherwise false, and the envelope goes on up unchanged.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean forwardedFromBelow(PlanSummary plan, PreliminaryReview preliminary) {
        if (!node.isTop()) {
            return false;
        }
        receive(plan, preliminary);
        return true;
    }

    /**
     * Takes a plan that arrived from the subtree (with the preliminary review of a lower level when
     * it was forwarded) and puts it where it is reviewed: a case here, or forwarded to the parent.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void receive(PlanSummary plan, PreliminaryReview preliminary) {
        var key = new ReceivedPlanRow.Key(plan.ownerNode(), plan.planId(), plan.revision());
        if (!received.existsById(key)) {
            received.save(new ReceivedPlanRow(key, plan.ownerName(), plan.title(), json.write(plan), clock.instant()));
        }
        if (cases.findByOriginNodeAndPlanIdAndPlanRevision(plan.ownerNode(), plan.planId(), plan.revision()).isPresent()) {
            return;
        }
        CheckResult check = check(plan);
        if (node.isTop()) {
            String reason = preliminary != null
                    ? Routing.FORWARDED_BY.fill(preliminary.reviewingNode(), preliminary.routingReason())
                    : Routing.OWN_REVIEW.fill(plan.ownerName() == null ? plan.ownerNode() : plan.ownerName());
            open(plan, check, preliminary, reason);
            return;
        }
        var routing = Routing.route(plan, check, settings.centralThreshold(), settings.alwaysForward());
        if (routing instanceof Routing.DecideHere here) {
            open(plan, check, null, here.reason());
        } else {
            forward(plan, check, routing.reason());
        }
    }

    private void open(PlanSummary plan, CheckResult check, PreliminaryReview preliminary, String routingReason) {
        var row = newCase(plan, check, preliminary, routingReason, CaseStatus.OPEN, null);
        cases.save(row);
        audit.record(CurrentActor.federation(plan.ownerNode()), "REVIEW_CASE", row.id(), "OPENED", null,
                Map.of("planId", plan.planId(), "revision", plan.revision(), "routing", routingReason));
        deciding.decideAutomaticallyIfAllowed(row.id(), check);
    }

    private void forward(PlanSummary plan, CheckResult check, String routingReason) {
        // Until the parent's decision names it, the parent is known by its address.
        var row = newCase(plan, check, null, routingReason, CaseStatus.FORWARDED, node.parent());
        cases.save(row);
        upstream.announce(new Upward.ReviewForwarded(plan, PreliminaryReviews.of(node, check, routingReason)));
        audit.record(CurrentActor.federation(plan.ownerNode()), "REVIEW_CASE", row.id(), "FORWARDED", null,
                Map.of("planId", plan.planId(), "revision", plan.revision(), "routing", routingReason));
    }

    private ReviewCaseRow newCase(PlanSummary plan, CheckResult check, PreliminaryReview preliminary, String routingReason,
                                  CaseStatus status, String forwardedTo) {
        Instant now = clock.instant();
        Instant submittedAt = plan.submittedAt() == null ? now : plan.submittedAt();
        Instant due = submittedAt.plus(settings.dueFor(plan.disasterOrSafety()));
        String recommended = check == null || check.recommendation() == null ? null : check.recommendation().outcome().name();
        String decidingLevel = status == CaseStatus.FORWARDED ? null : node.role().name();
        return ReviewCaseRow.opened(UUID.randomUUID().toString(), plan, json.write(plan), json.write(check),
                preliminary == null ? null : json.write(List.of(preliminary)), routingReason, status, now, submittedAt,
                due, decidingLevel, recommended, forwardedTo);
    }

    /** The check's result over this node's catalogue; none when the check is unavailable. */
    private CheckResult check(PlanSummary plan) {
        if (!checking.isPresent()) {
            return null;
        }
        try {
            var draft = new PlanDraft(plan.title(), plan.purpose(), plan.functions(), plan.functionCode(),
                    plan.language(), plan.ownerName(), plan.budget(), EntryIds.plan(plan.ownerNode(), plan.planId()));
            return checking.get().check(draft, EVIDENCE_MATCHES);
        } catch (RuntimeException e) {
            // A case without evidence is still reviewable; the reviewer sees that none is attached.
            LOG.warn("Redundancy check failed for plan {} of {}: {}", plan.planId(), plan.ownerNode(), e.getMessage());
            return null;
        }
    }
}
