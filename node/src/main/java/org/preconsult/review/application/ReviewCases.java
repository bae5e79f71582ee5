package org.preconsult.review.application;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;
import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.common.model.Outcome;
import org.preconsult.federation.model.DecisionReport;
import org.preconsult.federation.model.PlanRef;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.PreliminaryReview;
import org.preconsult.federation.model.Upward;
import org.preconsult.node.NodeRole;
import org.preconsult.node.NodeSettings;
import org.preconsult.redundancy.application.RedundancyChecking;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.PlanDraft;
import org.preconsult.review.infrastructure.JsonColumns;
import org.preconsult.review.infrastructure.ReceivedPlanRow;
import org.preconsult.review.infrastructure.ReviewCaseRow;
import org.preconsult.review.infrastructure.ReviewRepositories.ReceivedPlanRows;
import org.preconsult.review.infrastructure.ReviewRepositories.ReviewCaseRows;
import org.preconsult.review.model.CaseStatus;
import org.preconsult.review.model.Condition;
import org.preconsult.review.model.Decision;
import org.preconsult.review.model.ReviewCase;
import org.preconsult.review.model.Routing;
import org.preconsult.sync.application.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Review at this node: receiving plan summaries from the subtree, routing them by threshold (at a
 * provincial node), opening cases with the redundancy check as evidence, deciding (by a reviewer
 * or, where the operator allows it, automatically), signing the decision and sending it down to
 * the plan's origin, all in the transaction of the change.
 */
@Singleton
public class ReviewCases {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewCases.class);
    private static final int EVIDENCE_MATCHES = 10;
    private static final String AUTOMATIC = "automatic";

    private final ReviewCaseRows cases;
    private final ReceivedPlanRows received;
    private final JsonColumns json;
    private final NodeSettings node;
    private final ReviewSettings settings;
    private final ReviewPolicy policy;
    private final Clock clock;
    private final BeanProvider<RedundancyChecking> checking;
    private final DecisionOutlet outlet;
    private final Catalogue catalogue;
    private final Outbox outbox;
    private final CaseConditions conditions;
    private final AuditTrail audit;
    private final CurrentActor actor;

    public ReviewCases(ReviewCaseRows cases, ReceivedPlanRows received, JsonColumns json, NodeSettings node,
                       ReviewSettings settings, ReviewPolicy policy, Clock clock, BeanProvider<RedundancyChecking> checking,
                       DecisionOutlet outlet, Catalogue catalogue, Outbox outbox, CaseConditions conditions,
                       AuditTrail audit, CurrentActor actor) {
        this.cases = cases;
        this.received = received;
        this.json = json;
        this.node = node;
        this.settings = settings;
        this.policy = policy;
        this.clock = clock;
        this.checking = checking;
        this.outlet = outlet;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.conditions = conditions;
        this.audit = audit;
        this.actor = actor;
    }

    // ------------------------------------------------------------------ receiving and routing

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
        if (caseExists(plan)) {
            return;
        }
        CheckResult check = check(plan);
        if (node.role() == NodeRole.CENTRAL || !node.hasParent()) {
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

    private boolean caseExists(PlanSummary plan) {
        return cases.findByOriginNodeAndPlanIdAndPlanRevision(plan.ownerNode(), plan.planId(), plan.revision()).isPresent();
    }

    private void open(PlanSummary plan, CheckResult check, PreliminaryReview preliminary, String routingReason) {
        var now = clock.instant();
        var submittedAt = plan.submittedAt() == null ? now : plan.submittedAt();
        var row = newRow(plan, check, preliminary, routingReason, CaseStatus.OPEN, now, submittedAt, null);
        cases.save(row);
        audit.record(CurrentActor.federation(plan.ownerNode()), "REVIEW_CASE", row.id(), "OPENED", null,
                Map.of("planId", plan.planId(), "revision", plan.revision(), "routing", routingReason));
        decideAutomaticallyIfAllowed(row.id(), check);
    }

    private void forward(PlanSummary plan, CheckResult check, String routingReason) {
        var now = clock.instant();
        var submittedAt = plan.submittedAt() == null ? now : plan.submittedAt();
        var review = preliminaryOf(check, routingReason);
        // Until the parent's decision names it, the parent is known by its address.
        var row = newRow(plan, check, null, routingReason, CaseStatus.FORWARDED, now, submittedAt, node.parent());
        cases.save(row);
        outbox.append(new Upward.ReviewForwarded(plan, review));
        audit.record(CurrentActor.federation(plan.ownerNode()), "REVIEW_CASE", row.id(), "FORWARDED", null,
                Map.of("planId", plan.planId(), "revision", plan.revision(), "routing", routingReason));
    }

    private ReviewCaseRow newRow(PlanSummary plan, CheckResult check, PreliminaryReview preliminary, String routingReason,
                                 CaseStatus status, Instant now, Instant submittedAt, String forwardedTo) {
        var due = submittedAt.plus(settings.dueFor(plan.disasterOrSafety()));
        String recommended = check == null || check.recommendation() == null ? null : check.recommendation().outcome().name();
        return new ReviewCaseRow(UUID.randomUUID().toString(), plan.ownerNode(), plan.planId(), plan.revision(),
                plan.ownerName(), plan.title(), json.write(plan), json.write(check),
                preliminary == null ? null : json.write(List.of(preliminary)), routingReason, plan.disasterOrSafety(),
                status.name(), now, submittedAt, due, plan.previousCaseId(), null, null, null, null, null, null, null,
                status == CaseStatus.FORWARDED ? null : node.role().name(), recommended, null, forwardedTo);
    }

    private PreliminaryReview preliminaryOf(CheckResult check, String routingReason) {
        if (check == null || check.recommendation() == null) {
            return new PreliminaryReview(node.id(), Routing.OPINION_NO_CHECK.fill(node.name()),
                    null, List.of(), routingReason, List.of());
        }
        var r = check.recommendation();
        var matches = check.matches().stream().limit(5).map(m -> new PreliminaryReview.MatchBrief(m.entryId(),
                m.kind().name(), m.owner(), m.name(), m.score())).toList();
        String opinion = r.proposed() == null ? Routing.OPINION.fill(node.name(), r.outcome())
                : Routing.OPINION_PROPOSING.fill(node.name(), r.outcome(), r.proposed().name(), r.proposed().owner());
        return new PreliminaryReview(node.id(), opinion, r.outcome().name(), r.reasons(), routingReason, matches);
    }

    /** The check's result over this node's catalogue; none when the check is unavailable. */
    private CheckResult check(PlanSummary plan) {
        if (!checking.isPresent()) {
            return null;
        }
        try {
            var draft = new PlanDraft(plan.title(), plan.purpose(), plan.functions(), plan.functionCode(),
                    plan.language(), plan.ownerName(), plan.budget(), planEntryId(plan.ownerNode(), plan.planId()));
            return checking.get().check(draft, EVIDENCE_MATCHES);
        } catch (RuntimeException e) {
            // A case without evidence is still reviewable; the reviewer sees that none is attached.
            LOG.warn("Redundancy check failed for plan {} of {}: {}", plan.planId(), plan.ownerNode(), e.getMessage());
            return null;
        }
    }

    private void decideAutomaticallyIfAllowed(String caseId, CheckResult check) {
        var current = policy.current();
        if (!current.automaticDecisions() || check == null || check.recommendation() == null) {
            return;
        }
        var r = check.recommendation();
        boolean clearCase = r.outcome() == Outcome.UNCONDITIONAL_APPROVAL || r.outcome() == Outcome.RETURN;
        if (clearCase && r.confidence() >= current.minConfidence()) {
            var reasons = new ArrayList<>(r.reasons());
            reasons.add("Decided automatically: the recommendation had confidence "
                    + String.format(java.util.Locale.ROOT, "%.2f", r.confidence()) + " (operator's minimum "
                    + String.format(java.util.Locale.ROOT, "%.2f", current.minConfidence()) + ").");
            record(caseId, new DecisionCommand(r.outcome(), reasons, List.of(), null, null, null), AUTOMATIC, true);
        }
    }

    // ------------------------------------------------------------------ deciding

    /** The reviewer's decision on an open case. {@code overrideReason} is required to depart from the recommendation. */
    public record DecisionCommand(Outcome outcome, List<String> reasons, List<ConditionCommand> conditions,
                                  String adoptEntryId, String adoptEntryOwner, String overrideReason) {
    }

    public record ConditionCommand(String text, LocalDate dueDate, String entryId) {
    }

    /**
     * Records the decision on an open case, signs it and queues it for the plan's origin; an
     * approved plan joins the catalogue that every node receives.
     */
    @Transactional
    public ReviewCase decide(String caseId, DecisionCommand command) {
        return record(caseId, command, actor.current(), false);
    }

    private ReviewCase record(String caseId, DecisionCommand command, String decidedBy, boolean automatic) {
        var row = cases.findById(caseId).orElseThrow(() -> ProblemException.notFound("Review case", caseId));
        if (!row.status().equals(CaseStatus.OPEN.name())) {
            throw ProblemException.conflict("Review case " + caseId + " is " + row.status()
                    + (row.outcome() == null ? "" : " (" + row.outcome() + ")") + " and cannot be decided here.");
        }
        boolean overrides = row.recommendedOutcome() != null && !row.recommendedOutcome().equals(command.outcome().name());
        if (overrides && (command.overrideReason() == null || command.overrideReason().isBlank())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST,
                    "The recommendation was " + row.recommendedOutcome() + "; say why you decide " + command.outcome() + ".",
                    List.of(new Problem.FieldError("overrideReason", "required when the outcome differs from the recommendation")));
        }
        var now = clock.instant();
        var plan = json.read(row.summary(), Argument.of(PlanSummary.class));
        List<Condition> issued = new ArrayList<>();
        for (var c : command.conditions() == null ? List.<ConditionCommand>of() : command.conditions()) {
            var dueDate = c.dueDate() != null ? c.dueDate()
                    : LocalDate.ofInstant(now.plus(settings.conditionDue()), ZoneOffset.UTC);
            issued.add(new Condition(UUID.randomUUID().toString(), c.text(), dueDate, c.entryId()));
        }
        List<String> reasons = new ArrayList<>(command.reasons());
        if (overrides) {
            reasons.add("Departs from the recommended " + row.recommendedOutcome() + ": " + command.overrideReason());
        }
        var decision = new Decision(UUID.randomUUID().toString(), caseId, row.planId(), row.planRevision(),
                row.originNode(), node.id(), command.outcome(), reasons, issued, now, automatic, decidedBy,
                command.adoptEntryId(), command.adoptEntryOwner());
        var decided = row.withDecision(CaseStatus.DECIDED.name(), decision.decisionId(), decision.outcome().name(),
                TextLists.join(decision.reasons()), json.write(issued), decidedBy, automatic, now, node.role().name(),
                overrides ? command.overrideReason() : null, null);
        cases.update(decided);
        outlet.send(decision);
        conditions.issued(decision, plan);
        boolean approved = command.outcome() == Outcome.UNCONDITIONAL_APPROVAL || command.outcome() == Outcome.CONDITIONAL_APPROVAL;
        if (approved) {
            var entry = approvedPlanEntry(plan, now);
            catalogue.upsert(entry);
            outbox.append(new Upward.EntryAnnounced(entry));
        }
        outbox.append(new Upward.DecisionReported(new DecisionReport(caseId, decision.decisionId(), row.planId(),
                row.planRevision(), row.originNode(), row.ownerName(), node.id(), node.role().name(),
                decision.outcome().name(), row.submittedAt(), now, row.dueAt(), automatic, row.routingReason())));
        audit.record(decidedBy, "REVIEW_CASE", caseId, automatic ? "DECIDED_AUTOMATICALLY" : "DECIDED",
                Map.of("status", row.status()),
                Map.of("status", decided.status(), "outcome", decision.outcome().name(), "decisionId", decision.decisionId()));
        return toCase(decided);
    }

    /** At a provincial node: the parent's decision on a plan it forwarded passes through; note it on the case. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void parentDecided(Decision decision) {
        cases.findByOriginNodeAndPlanIdAndPlanRevision(decision.originNode(), decision.planId(), decision.planRevision())
                .filter(row -> row.status().equals(CaseStatus.FORWARDED.name()) && row.decisionId() == null)
                .ifPresent(row -> cases.update(row.withDecision(row.status(), decision.decisionId(),
                        decision.outcome().name(), TextLists.join(decision.reasons()), json.write(decision.conditions()),
                        decision.decidedBy(), decision.automatic(), decision.decidedAt(), row.decidingLevel(), null,
                        decision.decidingNode())));
    }

    private static CatalogueEntry approvedPlanEntry(PlanSummary plan, Instant now) {
        return new CatalogueEntry(planEntryId(plan.ownerNode(), plan.planId()), EntryKind.PLAN, plan.ownerName(),
                plan.title(), plan.purpose(), plan.functions(), plan.functionCode(), plan.language(),
                EntryStatus.APPROVED, plan.budget(), plan.ownerNode(), plan.revision(), now);
    }

    // ------------------------------------------------------------------ reconciliation

    /** Where a plan revision stands at this node, as reconciliation asks. */
    public enum Holding { NONE, AWAITING_DECISION, DECIDED }

    /** The revisions this node holds without a decision yet, of plans whose origin passes the filter. */
    @Transactional(readOnly = true)
    public List<PlanRef> awaitingDecision(java.util.function.Predicate<String> origin) {
        return cases.findByStatusInList(List.of(CaseStatus.OPEN.name(), CaseStatus.FORWARDED.name())).stream()
                .filter(row -> row.decisionId() == null && origin.test(row.originNode()))
                .map(row -> new PlanRef(row.originNode(), row.planId(), row.planRevision()))
                .toList();
    }

    /** The plans this node forwarded whose decision has not come down yet: what its parent should hold. */
    @Transactional(readOnly = true)
    public List<PlanRef> forwardedAwaitingDecision() {
        return awaitingDecision(origin -> true).stream()
                .filter(ref -> cases.findByOriginNodeAndPlanIdAndPlanRevision(ref.originNode(), ref.planId(), ref.revision())
                        .map(row -> row.status().equals(CaseStatus.FORWARDED.name())).orElse(false))
                .toList();
    }

    @Transactional(readOnly = true)
    public Holding holding(PlanRef ref) {
        return cases.findByOriginNodeAndPlanIdAndPlanRevision(ref.originNode(), ref.planId(), ref.revision())
                .map(row -> row.decisionId() == null ? Holding.AWAITING_DECISION : Holding.DECIDED)
                .orElse(Holding.NONE);
    }

    /**
     * Forwards a plan again, with its preliminary review, because the parent has no record of it;
     * a case that is no longer waiting for the parent is left alone.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean forwardAgain(PlanRef ref) {
        var row = cases.findByOriginNodeAndPlanIdAndPlanRevision(ref.originNode(), ref.planId(), ref.revision());
        if (row.isEmpty() || !row.get().status().equals(CaseStatus.FORWARDED.name()) || row.get().decisionId() != null) {
            return false;
        }
        var plan = json.read(row.get().summary(), Argument.of(PlanSummary.class));
        CheckResult check = row.get().evidence() == null ? null : json.read(row.get().evidence(), Argument.of(CheckResult.class));
        outbox.append(new Upward.ReviewForwarded(plan, preliminaryOf(check, row.get().routingReason())));
        return true;
    }

    /** The catalogue id of a plan: stable across the federation. */
    public static String planEntryId(String ownerNode, String planId) {
        return ownerNode + ":plan:" + planId;
    }

    // ------------------------------------------------------------------ reading

    @Transactional(readOnly = true)
    public Page<ReviewCase> list(CaseStatus status, Pageable pageable) {
        var page = status == null ? cases.findAll(pageable) : cases.findByStatus(status.name(), pageable);
        return page.map(this::toCase);
    }

    @Transactional(readOnly = true)
    public ReviewCase get(String caseId) {
        return cases.findById(caseId).map(this::toCase).orElseThrow(() -> ProblemException.notFound("Review case", caseId));
    }

    private ReviewCase toCase(ReviewCaseRow row) {
        var plan = json.read(row.summary(), Argument.of(PlanSummary.class));
        var evidence = json.read(row.evidence(), Argument.of(CheckResult.class));
        List<PreliminaryReview> preliminary = row.preliminary() == null ? List.of()
                : json.read(row.preliminary(), Argument.listOf(PreliminaryReview.class));
        Decision decision = null;
        if (row.decisionId() != null) {
            List<Condition> issued = row.conditions() == null ? List.of()
                    : json.read(row.conditions(), Argument.listOf(Condition.class));
            String decidingNode = row.status().equals(CaseStatus.FORWARDED.name()) ? row.forwardedTo() : node.id();
            decision = new Decision(row.decisionId(), row.id(), row.planId(), row.planRevision(), row.originNode(),
                    decidingNode, Outcome.valueOf(row.outcome()), TextLists.split(row.reasons()), issued,
                    row.decidedAt(), Boolean.TRUE.equals(row.automatic()), row.decidedBy(), null, null);
        }
        return new ReviewCase(row.id(), plan, evidence, preliminary, row.routingReason(), row.decidingLevel(),
                CaseStatus.valueOf(row.status()), row.openedAt(), row.dueAt(), row.previousCaseId(), row.forwardedTo(),
                row.overrideReason(), decision);
    }
}
