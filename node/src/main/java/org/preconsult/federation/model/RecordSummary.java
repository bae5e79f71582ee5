package org.preconsult.federation.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The owner's record of a plan after review, as it travels upward: its decisions, lifecycle stage,
 * dates, deliverables' metadata, the conditions placed on it with their status and (when the change touched it) the plan's catalogue entry.
 * Enumerations travel by name; the lifecycle feature reads it back and validates it
 * ({@code org.preconsult.lifecycle.application.RecordSummaries}).
 */
public record RecordSummary(
        String planId,
        String ownerNode,
        String ownerName,
        String title,
        BigDecimal budget,
        String stage,
        Instant submittedAt,
        Instant approvedAt,
        LocalDate kickoffOn,
        LocalDate goLiveOn,
        String cancelReason,
        String systemId,
        Instant lastUpdateAt,
        long version,
        List<DecisionLine> decisions,
        EntrySummary entry,
        List<DeliverableLine> deliverables,
        List<ConditionLine> conditions) {

    public RecordSummary {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** One decision on one revision of the plan. */
    public record DecisionLine(int revision, String outcome, BigDecimal budget, Instant submittedAt,
                               Instant decidedAt, String decidingNode) {
    }

    /** The metadata of one deliverable (never its content). */
    public record DeliverableLine(String kind, String title, LocalDate deliveredOn, long sizeBytes, String checksum,
                                  String link) {
    }

    /** One condition of the plan's decisions and its status at the owner (never the condition's text). */
    public record ConditionLine(String conditionId, String decisionId, String decidingNode, LocalDate dueOn,
                                String status, String entryId) {
    }
}
