package org.preconsult.lifecycle.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.decision.model.ConditionStatus;

/**
 * What the federation knows about one plan after its review: each decision on it, its lifecycle
 * stage and dates, and the conditions placed on it with their status. The owner node writes it and sends it upward on every change; every node above
 * keeps the highest {@code version} it received. Only allow-listed fields appear here (title and
 * budget as the plan's summary carries them).
 *
 * <p>{@code lastUpdateAt} is the time of the last decision or lifecycle change: staleness is
 * measured from it, by every node with its own clock, so a government that never updates is
 * counted stale above it without having to say so. {@code entry} is the plan's catalogue entry as
 * the last change left it (null when the change did not touch the catalogue).
 */
public record PlanRecord(
        String planId,
        String ownerNode,
        String ownerName,
        String title,
        BigDecimal budget,
        Stage stage,
        Instant submittedAt,
        Instant approvedAt,
        LocalDate kickoffOn,
        LocalDate goLiveOn,
        String cancelReason,
        String systemId,
        Instant lastUpdateAt,
        long version,
        List<DecisionLine> decisions,
        CatalogueEntry entry,
        List<Deliverable> deliverables,
        List<ConditionLine> conditions) {

    public PlanRecord {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(ownerNode, "ownerNode");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(lastUpdateAt, "lastUpdateAt");
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        budget = budget == null ? null : budget.setScale(2, RoundingMode.HALF_UP);
    }

    /** One decision on one revision of the plan. */
    public record DecisionLine(int revision, String outcome, BigDecimal budget, Instant submittedAt,
                               Instant decidedAt, String decidingNode) {

        public DecisionLine {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(decidedAt, "decidedAt");
            budget = budget == null ? null : budget.setScale(2, RoundingMode.HALF_UP);
        }

        /** Time from submission to decision; null when the submission time is unknown. */
        public Duration turnaround() {
            return submittedAt == null ? null : Duration.between(submittedAt, decidedAt);
        }
    }

    /**
     * One condition a decision placed on the plan, as its owner tracks it: every node above counts
     * it overdue by its own clock while it is open past its due date.
     */
    public record ConditionLine(String conditionId, String decisionId, String decidingNode, LocalDate dueOn,
                                ConditionStatus status, String entryId) {

        public ConditionLine {
            Objects.requireNonNull(conditionId, "conditionId");
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(status, "status");
        }

        /** Open past its due date on {@code today}. */
        public boolean overdueOn(LocalDate today) {
            return status.isOpen() && dueOn.isBefore(today);
        }

        ConditionLine with(ConditionStatus newStatus) {
            return new ConditionLine(conditionId, decisionId, decidingNode, dueOn, newStatus, entryId);
        }
    }

    /** How many of the plan's conditions are open past their due date on {@code today}. */
    public int overdueConditions(LocalDate today) {
        return (int) conditions.stream().filter(c -> c.overdueOn(today)).count();
    }

    /**
     * Late registration: the project started before the plan was submitted for review (the
     * practice's 27% that were reported only after they had started).
     */
    public boolean lateRegistration() {
        return kickoffOn != null && submittedAt != null
                && kickoffOn.isBefore(LocalDate.ofInstant(submittedAt, ZoneOffset.UTC));
    }

    /** Stale: approved, not finished, and without a decision or lifecycle update for {@code after}. */
    public boolean staleAt(Instant now, Duration after) {
        return stage.expectsUpdates() && !lastUpdateAt.plus(after).isAfter(now);
    }

    /**
     * The record after a decision on the given revision was applied at the owner, with the
     * conditions it placed (open; a condition already recorded keeps its status).
     */
    public PlanRecord decided(DecisionLine line, List<ConditionLine> placed, Stage newStage, Instant at) {
        List<DecisionLine> lines = new ArrayList<>(decisions);
        lines.removeIf(l -> l.revision() == line.revision());
        lines.add(line);
        List<ConditionLine> owed = new ArrayList<>(conditions);
        for (var c : placed) {
            if (owed.stream().noneMatch(o -> o.conditionId().equals(c.conditionId()))) {
                owed.add(c);
            }
        }
        Instant approved = newStage.isApproved() ? line.decidedAt() : approvedAt;
        return new PlanRecord(planId, ownerNode, ownerName, title, line.budget() == null ? budget : line.budget(),
                newStage, line.submittedAt(), approved, kickoffOn, goLiveOn, cancelReason, systemId, at, version + 1,
                lines, null, deliverables, owed);
    }

    /**
     * The record after one of its conditions was settled at the owner (fulfilled, or waived by the
     * deciding node): an update of the plan. Empty when the record has no such condition or it
     * already has that status.
     */
    public java.util.Optional<PlanRecord> conditionSettled(String conditionId, ConditionStatus status, Instant at) {
        var current = conditions.stream().filter(c -> c.conditionId().equals(conditionId)).findFirst();
        if (current.isEmpty() || current.get().status() == status) {
            return java.util.Optional.empty();
        }
        var owed = conditions.stream().map(c -> c.conditionId().equals(conditionId) ? c.with(status) : c).toList();
        return java.util.Optional.of(new PlanRecord(planId, ownerNode, ownerName, title, budget, stage, submittedAt,
                approvedAt, kickoffOn, goLiveOn, cancelReason, systemId, at, version + 1, decisions, null, deliverables,
                owed));
    }

    PlanRecord changed(Stage newStage, LocalDate kickoff, LocalDate goLive, String reason, String system, Instant at,
                       CatalogueEntry newEntry) {
        return new PlanRecord(planId, ownerNode, ownerName, title, budget, newStage, submittedAt, approvedAt, kickoff,
                goLive, reason, system, at, version + 1, decisions, newEntry, deliverables, conditions);
    }

    /** The record with a deliverable recorded (replacing an earlier one of its kind): an update of the plan. */
    PlanRecord delivered(Deliverable deliverable, Instant at) {
        List<Deliverable> list = new ArrayList<>(deliverables);
        list.removeIf(d -> d.kind() == deliverable.kind());
        list.add(deliverable);
        list.sort(java.util.Comparator.comparing(Deliverable::kind));
        return new PlanRecord(planId, ownerNode, ownerName, title, budget, stage, submittedAt, approvedAt, kickoffOn,
                goLiveOn, cancelReason, systemId, at, version + 1, decisions, null, list, conditions);
    }

    /** The deliverables the plan's stage expects that are not recorded. */
    public java.util.Set<Deliverable.Kind> missingDeliverables() {
        var missing = Deliverable.expected(stage);
        deliverables.forEach(d -> missing.remove(d.kind()));
        return missing;
    }

    /** The first record of a plan, before any decision is recorded on it. */
    public static PlanRecord first(String planId, String ownerNode, String ownerName, String title, BigDecimal budget,
                                   Instant at) {
        return new PlanRecord(planId, ownerNode, ownerName, title, budget, Stage.RETURNED, null, null, null, null,
                null, null, at, 0, List.of(), null, List.of(), List.of());
    }
}
