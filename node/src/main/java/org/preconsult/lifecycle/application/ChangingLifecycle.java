package org.preconsult.lifecycle.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.federation.model.Upward;
import org.preconsult.lifecycle.model.Deliverable;
import org.preconsult.lifecycle.model.Lifecycle;
import org.preconsult.lifecycle.model.PlanRecord;
import org.preconsult.lifecycle.model.Transition;
import org.preconsult.node.NodeSettings;
import org.preconsult.decision.model.ConditionStatus;
import org.preconsult.plan.application.PlanConditions;
import org.preconsult.plan.application.PlanRegistry;
import org.preconsult.plan.application.PlanSummaries;
import org.preconsult.plan.infrastructure.PlanRows;
import org.preconsult.plan.model.Plan;
import org.preconsult.plan.model.PlanStatus;
import org.preconsult.federation.application.Upstream;
import org.preconsult.system.application.SystemRegistry;

/**
 * The owner's lifecycle changes of its approved plans: kickoff, completion (the plan becomes an
 * existing system of this government, registered from the plan without re-typing) and
 * cancellation. Each change, its catalogue entry and its record for the nodes above are written in
 * one transaction with the outbox envelope that carries them up; a refused change stores nothing.
 */
@Singleton
public class ChangingLifecycle {

    private final PlanRecords records;
    private final PlanRegistry plans;
    private final SystemRegistry systems;
    private final Catalogue catalogue;
    private final Upstream outbox;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final NodeSettings node;
    private final Clock clock;
    private final PlanRows planRows;
    private final PlanConditions planConditions;

    public ChangingLifecycle(PlanRecords records, PlanRegistry plans, SystemRegistry systems, Catalogue catalogue,
                             Upstream outbox, AuditTrail audit, CurrentActor actor, NodeSettings node, Clock clock,
                             PlanRows planRows, PlanConditions planConditions) {
        this.planRows = planRows;
        this.planConditions = planConditions;
        this.records = records;
        this.plans = plans;
        this.systems = systems;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.audit = audit;
        this.actor = actor;
        this.node = node;
        this.clock = clock;
    }

    /** The project of an approved plan started on {@code kickoffOn}. */
    @Transactional
    public Transition kickoff(String planId, LocalDate kickoffOn) {
        return change(planId, "KICKED_OFF", (plan, record, now, entries, version) ->
                Lifecycle.kickoff(record, kickoffOn, today(now), now, entries, version));
    }

    /** The system of an approved or started plan went live on {@code goLiveOn}. */
    @Transactional
    public Transition complete(String planId, LocalDate goLiveOn) {
        return change(planId, "COMPLETED", (plan, record, now, entries, version) -> {
            var result = Lifecycle.completion(record, goLiveOn, today(now), now, plan.id(), entries, version);
            if (result instanceof Transition.Changed) {
                registerSystem(plan, goLiveOn);
            }
            return result;
        });
    }

    /** An approved or started plan was given up. */
    @Transactional
    public Transition cancel(String planId, String reason) {
        return change(planId, "CANCELLED", (plan, record, now, entries, version) ->
                Lifecycle.cancellation(record, reason, now, entries, version));
    }

    /** Records the metadata of a document the project delivered (one per kind; a later one replaces it). */
    @Transactional
    public Transition deliver(String planId, Deliverable.Kind kind, String title, LocalDate deliveredOn, long sizeBytes,
                              String checksum, String link) {
        return change(planId, "DELIVERED", (plan, record, now, entries, version) ->
                Lifecycle.delivery(record, kind, title, deliveredOn, today(now), sizeBytes, checksum, link, now));
    }

    /** The record of one of this node's plans, if it has been decided. */
    @Transactional(readOnly = true)
    public Optional<PlanRecord> recordOf(String planId) {
        return records.find(node.id(), planId);
    }

    @FunctionalInterface
    private interface Rule {
        Transition apply(Plan plan, PlanRecord record, Instant now, Lifecycle.EntryBuilder entries, long entryVersion);
    }

    private Transition change(String planId, String action, Rule rule) {
        if (!planRows.existsById(planId)) {
            return new Transition.NoSuchPlan(planId);
        }
        Plan plan = plans.find(planId).orElseThrow();
        var now = clock.instant();
        var record = records.find(node.id(), planId).orElse(null);
        if (record == null && isApproved(plan.status())) {
            record = recordFromDecisions(plan, now);
        }
        if (record == null) {
            return new Transition.NotAllowed("The plan is " + plan.status()
                    + "; only a plan that was approved has a lifecycle.");
        }
        // The entry's version must pass the approved entry's (the plan's revision) and every earlier change.
        long entryVersion = Math.max(record.version(), plan.revision()) + 1;
        var result = rule.apply(plan, record, now, (status, version) -> entryOf(plan, status, version, now), entryVersion);
        if (result instanceof Transition.Changed changed) {
            var next = changed.record();
            if (next.entry() != null) {
                catalogue.upsert(next.entry());
            }
            records.store(next);
            outbox.announce(new Upward.PlanRecordChanged(RecordSummaries.of(next)));
            audit.record(actor.current(), "PLAN", planId, "LIFECYCLE_" + action, view(record), view(next));
        }
        return result;
    }

    private void registerSystem(Plan plan, LocalDate goLiveOn) {
        var c = plan.content();
        systems.register(plan.id(), new SystemRegistry.SystemCommand(c.title(), c.purpose(), c.functions(),
                c.functionCode(), c.platform(), EntryStatus.OPERATING, goLiveOn.getYear(), c.language()));
    }

    /** The plan's catalogue entry as every node keeps it, built from the plan's summary (the allow-list). */
    private CatalogueEntry entryOf(Plan plan, EntryStatus status, long version, Instant now) {
        var s = PlanSummaries.of(plan, node);
        return new CatalogueEntry(EntryIds.plan(node.id(), plan.id()), EntryKind.PLAN, s.ownerName(),
                s.title(), s.purpose(), s.functions(), s.functionCode(), s.language(), status, s.budget(), node.id(),
                version, now);
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private static Map<String, Object> view(PlanRecord r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("stage", r.stage().name());
        view.put("version", r.version());
        if (r.kickoffOn() != null) {
            view.put("kickoffOn", r.kickoffOn().toString());
        }
        if (r.goLiveOn() != null) {
            view.put("goLiveOn", r.goLiveOn().toString());
        }
        if (r.cancelReason() != null) {
            view.put("reason", r.cancelReason());
        }
        r.deliverables().forEach(d -> view.put(d.kind().name(), d.checksum()));
        return view;
    }

    /** The record of a plan approved before records were kept, rebuilt from the decisions it holds. */
    private PlanRecord recordFromDecisions(Plan plan, Instant now) {
        var s = PlanSummaries.of(plan, node);
        var record = PlanRecord.first(plan.id(), node.id(), node.name(), s.title(), s.budget(), now);
        var conditions = planConditions.of(plan.id());
        for (var d : plans.decisionsOf(plan.id())) {
            var outcome = org.preconsult.common.model.Outcome.valueOf(d.outcome());
            var placed = conditions.stream().filter(c -> c.decisionId().equals(d.decisionId()))
                    .map(c -> new PlanRecord.ConditionLine(c.conditionId(), c.decisionId(), c.decidingNode(), c.dueDate(),
                            ConditionStatus.valueOf(c.status()), c.entryId())).toList();
            record = record.decided(new PlanRecord.DecisionLine(d.planRevision(), d.outcome(), s.budget(),
                    d.planRevision() == plan.revision() ? plan.submittedAt() : null, d.decidedAt(), d.decidingNode()),
                    placed, RecordingDecisions.stageOf(outcome), d.decidedAt());
        }
        return record;
    }

    private static boolean isApproved(PlanStatus status) {
        return status == PlanStatus.APPROVED || status == PlanStatus.CONDITIONALLY_APPROVED;
    }
}
