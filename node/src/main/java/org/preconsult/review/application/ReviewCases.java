package org.preconsult.review.application;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
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
import org.preconsult.common.api.ProblemException;
import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.common.model.Outcome;
import org.preconsult.federation.model.PlanSummary;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Review at this node: receiving plan summaries from the subtree, opening a case with the
 * redundancy check's result as evidence, and recording the reviewer's decision, which is signed
 * and sent down to the plan's origin in the same transaction.
 */
@Singleton
public class ReviewCases {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewCases.class);
    private static final int EVIDENCE_MATCHES = 10;

    private final ReviewCaseRows cases;
    private final ReceivedPlanRows received;
    private final JsonColumns json;
    private final NodeSettings node;
    private final ReviewSettings settings;
    private final Clock clock;
    private final BeanProvider<RedundancyChecking> checking;
    private final DecisionOutlet outlet;
    private final Catalogue catalogue;
    private final AuditTrail audit;
    private final CurrentActor actor;

    public ReviewCases(ReviewCaseRows cases, ReceivedPlanRows received, JsonColumns json, NodeSettings node,
                       ReviewSettings settings, Clock clock, BeanProvider<RedundancyChecking> checking,
                       DecisionOutlet outlet, Catalogue catalogue, AuditTrail audit, CurrentActor actor) {
        this.cases = cases;
        this.received = received;
        this.json = json;
        this.node = node;
        this.settings = settings;
        this.clock = clock;
        this.checking = checking;
        this.outlet = outlet;
        this.catalogue = catalogue;
        this.audit = audit;
        this.actor = actor;
    }

    /**
     * Records a plan summary that arrived from the subtree; at central, opens its review case.
     * Returns true when this node reviews it, false when it only passes it on.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean receive(PlanSummary plan) {
        var key = new ReceivedPlanRow.Key(plan.ownerNode(), plan.planId(), plan.revision());
        if (!received.existsById(key)) {
            received.save(new ReceivedPlanRow(key, plan.ownerName(), plan.title(), json.write(plan), clock.instant()));
        }
        if (node.role() != NodeRole.CENTRAL) {
            return false;
        }
        open(plan, "Central review: every plan that reaches the central node is reviewed here.");
        return true;
    }

    private void open(PlanSummary plan, String routingReason) {
        if (cases.findByOriginNodeAndPlanIdAndPlanRevision(plan.ownerNode(), plan.planId(), plan.revision()).isPresent()) {
            return;
        }
        var now = clock.instant();
        var submittedAt = plan.submittedAt() == null ? now : plan.submittedAt();
        var due = submittedAt.plus(settings.dueFor(plan.disasterOrSafety()));
        CheckResult evidence = check(plan);
        var row = new ReviewCaseRow(UUID.randomUUID().toString(), plan.ownerNode(), plan.planId(), plan.revision(),
                plan.ownerName(), plan.title(), json.write(plan), json.write(evidence), null, routingReason,
                plan.disasterOrSafety(), CaseStatus.OPEN.name(), now, submittedAt, due, plan.previousCaseId(),
                null, null, null, null, null, null, null);
        cases.save(row);
        audit.record(CurrentActor.federation(plan.ownerNode()), "REVIEW_CASE", row.id(), "OPENED", null,
                Map.of("planId", plan.planId(), "revision", plan.revision(), "routing", routingReason));
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

    /** The reviewer's decision on an open case. */
    public record DecisionCommand(Outcome outcome, List<String> reasons, List<ConditionCommand> conditions,
                                  String adoptEntryId, String adoptEntryOwner) {
    }

    public record ConditionCommand(String text, LocalDate dueDate, String entryId) {
    }

    /**
     * Records the decision on an open case, signs it and queues it for the plan's origin; an
     * approved plan joins the catalogue that every node receives.
     */
    @Transactional
    public ReviewCase decide(String caseId, DecisionCommand command) {
        var row = cases.findById(caseId).orElseThrow(() -> ProblemException.notFound("Review case", caseId));
        if (!row.status().equals(CaseStatus.OPEN.name())) {
            throw ProblemException.conflict("Review case " + caseId + " was already decided (" + row.outcome() + ").");
        }
        var now = clock.instant();
        var plan = json.read(row.summary(), Argument.of(PlanSummary.class));
        List<Condition> conditions = new ArrayList<>();
        for (var c : command.conditions() == null ? List.<ConditionCommand>of() : command.conditions()) {
            var dueDate = c.dueDate() != null ? c.dueDate() : LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(90);
            conditions.add(new Condition(UUID.randomUUID().toString(), c.text(), dueDate, c.entryId()));
        }
        var decision = new Decision(UUID.randomUUID().toString(), caseId, row.planId(), row.planRevision(),
                row.originNode(), node.id(), command.outcome(), command.reasons(), conditions, now, false,
                actor.current(), command.adoptEntryId(), command.adoptEntryOwner());
        var decided = new ReviewCaseRow(row.id(), row.originNode(), row.planId(), row.planRevision(), row.ownerName(),
                row.title(), row.summary(), row.evidence(), row.preliminary(), row.routingReason(),
                row.disasterOrSafety(), CaseStatus.DECIDED.name(), row.openedAt(), row.submittedAt(), row.dueAt(),
                row.previousCaseId(), decision.decisionId(), decision.outcome().name(),
                TextLists.join(decision.reasons()), json.write(conditions), decision.decidedBy(), false, now);
        cases.update(decided);
        outlet.send(decision);
        if (command.outcome() == Outcome.UNCONDITIONAL_APPROVAL || command.outcome() == Outcome.CONDITIONAL_APPROVAL) {
            catalogue.upsert(approvedPlanEntry(plan, now));
        }
        audit.record(actor.current(), "REVIEW_CASE", caseId, "DECIDED", Map.of("status", row.status()),
                Map.of("status", decided.status(), "outcome", decision.outcome().name(), "decisionId", decision.decisionId()));
        return toCase(decided);
    }

    private static CatalogueEntry approvedPlanEntry(PlanSummary plan, Instant now) {
        return new CatalogueEntry(planEntryId(plan.ownerNode(), plan.planId()), EntryKind.PLAN, plan.ownerName(),
                plan.title(), plan.purpose(), plan.functions(), plan.functionCode(), plan.language(),
                EntryStatus.APPROVED, plan.budget(), plan.ownerNode(), plan.revision(), now);
    }

    /** The catalogue id of a plan: stable across the federation. */
    public static String planEntryId(String ownerNode, String planId) {
        return ownerNode + ":plan:" + planId;
    }

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
        Decision decision = null;
        if (row.decisionId() != null) {
            List<Condition> conditions = row.conditions() == null ? List.of()
                    : json.read(row.conditions(), Argument.listOf(Condition.class));
            decision = new Decision(row.decisionId(), row.id(), row.planId(), row.planRevision(), row.originNode(),
                    node.id(), Outcome.valueOf(row.outcome()), TextLists.split(row.reasons()), conditions,
                    row.decidedAt(), Boolean.TRUE.equals(row.automatic()), row.decidedBy(), null, null);
        }
        return new ReviewCase(row.id(), plan, evidence, row.routingReason(), CaseStatus.valueOf(row.status()),
                row.openedAt(), row.dueAt(), row.previousCaseId(), decision);
    }
}
