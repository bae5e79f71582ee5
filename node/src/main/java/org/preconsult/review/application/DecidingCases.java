package org.preconsult.review.application;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.application.EntrySummaries;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.common.model.Outcome;
import org.preconsult.decision.application.DecisionOutlet;
import org.preconsult.decision.model.Condition;
import org.preconsult.decision.model.Decision;
import org.preconsult.federation.application.Upstream;
import org.preconsult.federation.model.DecisionReport;
import org.preconsult.federation.model.PlanSummary;
import org.preconsult.federation.model.Upward;
import org.preconsult.node.NodeSettings;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.review.infrastructure.JsonColumns;
import org.preconsult.review.infrastructure.ReviewCaseRow;
import org.preconsult.review.infrastructure.ReviewRepositories.ReviewCaseRows;

/**
 * Decides an open case at this node, by a reviewer or (where the operator allows it, for a clear
 * case) automatically: the decision is recorded on the case, handed to the decision feature to be
 * signed and sent to the plan's origin ({@link DecisionOutlet}), its conditions are tracked, an
 * approved plan joins the catalogue, and the decision is reported upward, all in one transaction.
 */
@Singleton
public class DecidingCases {

    private static final String AUTOMATIC = "automatic";

    private final ReviewCaseRows cases;
    private final JsonColumns json;
    private final NodeSettings node;
    private final ReviewSettings settings;
    private final ReviewPolicy policy;
    private final Clock clock;
    private final DecisionOutlet outlet;
    private final Catalogue catalogue;
    private final Upstream upstream;
    private final CaseConditions conditions;
    private final AuditTrail audit;
    private final CurrentActor actor;

    DecidingCases(ReviewCaseRows cases, JsonColumns json, NodeSettings node, ReviewSettings settings, ReviewPolicy policy,
                  Clock clock, DecisionOutlet outlet, Catalogue catalogue, Upstream upstream, CaseConditions conditions,
                  AuditTrail audit, CurrentActor actor) {
        this.cases = cases;
        this.json = json;
        this.node = node;
        this.settings = settings;
        this.policy = policy;
        this.clock = clock;
        this.outlet = outlet;
        this.catalogue = catalogue;
        this.upstream = upstream;
        this.conditions = conditions;
        this.audit = audit;
        this.actor = actor;
    }

    /**
     * The reviewer's decision on an open case; a refusal changes nothing. The rules, in order: a
     * conditional approval carries conditions and no other outcome does; the case exists and is
     * open here; departing from the recommendation needs a reason.
     */
    @Transactional
    public DecisionResult decide(String caseId, DecisionCommand command) {
        return record(caseId, command, actor.current(), false);
    }

    /**
     * Decides a case just opened without a reviewer, when the operator turned that on and the
     * recommendation is clear (approval or return) with enough confidence.
     */
    void decideAutomaticallyIfAllowed(String caseId, CheckResult check) {
        var current = policy.current();
        if (!current.automaticDecisions() || check == null || check.recommendation() == null) {
            return;
        }
        var r = check.recommendation();
        boolean clearCase = r.outcome() == Outcome.UNCONDITIONAL_APPROVAL || r.outcome() == Outcome.RETURN;
        if (clearCase && r.confidence() >= current.minConfidence()) {
            var reasons = new ArrayList<>(r.reasons());
            reasons.add("Decided automatically: the recommendation had confidence "
                    + String.format(Locale.ROOT, "%.2f", r.confidence()) + " (operator's minimum "
                    + String.format(Locale.ROOT, "%.2f", current.minConfidence()) + ").");
            record(caseId, new DecisionCommand(r.outcome(), reasons, List.of(), null, null, null), AUTOMATIC, true);
        }
    }

    private DecisionResult record(String caseId, DecisionCommand command, String decidedBy, boolean automatic) {
        boolean hasConditions = command.conditions() != null && !command.conditions().isEmpty();
        if (command.outcome() == Outcome.CONDITIONAL_APPROVAL && !hasConditions) {
            return new DecisionResult.ConditionsRequired();
        }
        if (command.outcome() != Outcome.CONDITIONAL_APPROVAL && hasConditions) {
            return new DecisionResult.ConditionsNotAllowed();
        }
        var found = cases.findById(caseId);
        if (found.isEmpty()) {
            return new DecisionResult.UnknownCase(caseId);
        }
        var row = found.get();
        var status = row.caseStatus();
        if (!status.canBeDecidedHere()) {
            return new DecisionResult.NotOpen(caseId, row.status(), row.outcome());
        }
        boolean overrides = row.recommendedOutcome() != null && !row.recommendedOutcome().equals(command.outcome().name());
        if (overrides && (command.overrideReason() == null || command.overrideReason().isBlank())) {
            return new DecisionResult.OverrideReasonMissing(row.recommendedOutcome(), command.outcome().name());
        }
        var now = clock.instant();
        var plan = json.read(row.summary(), Argument.of(PlanSummary.class));
        List<Condition> issued = new ArrayList<>();
        for (var c : command.conditions() == null ? List.<DecisionCommand.ConditionCommand>of() : command.conditions()) {
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
        ReviewCaseRow decided = row.withDecision(status.afterDecision().name(), decision.decisionId(),
                decision.outcome().name(), TextLists.join(decision.reasons()), json.write(issued), decidedBy, automatic,
                now, node.role().name(), overrides ? command.overrideReason() : null, null);
        cases.update(decided);
        outlet.send(decision);
        conditions.issued(decision, plan);
        if (command.outcome().isApproval()) {
            var entry = approvedPlanEntry(plan, now);
            catalogue.upsert(entry);
            upstream.announce(new Upward.EntryAnnounced(EntrySummaries.of(entry)));
        }
        upstream.announce(new Upward.DecisionReported(new DecisionReport(caseId, decision.decisionId(), row.planId(),
                row.planRevision(), row.originNode(), row.ownerName(), node.id(), node.role().name(),
                decision.outcome().name(), row.submittedAt(), now, row.dueAt(), automatic, row.routingReason())));
        audit.record(decidedBy, "REVIEW_CASE", caseId, automatic ? "DECIDED_AUTOMATICALLY" : "DECIDED",
                Map.of("status", row.status()),
                Map.of("status", decided.status(), "outcome", decision.outcome().name(), "decisionId", decision.decisionId()));
        return new DecisionResult.Decided(ReadingCases.toCase(decided, json, node));
    }

    private static CatalogueEntry approvedPlanEntry(PlanSummary plan, java.time.Instant now) {
        return new CatalogueEntry(EntryIds.plan(plan.ownerNode(), plan.planId()), EntryKind.PLAN, plan.ownerName(),
                plan.title(), plan.purpose(), plan.functions(), plan.functionCode(), plan.language(),
                EntryStatus.APPROVED, plan.budget(), plan.ownerNode(), plan.revision(), now);
    }
}
