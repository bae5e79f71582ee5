package org.preconsult.lifecycle.application;

import java.time.LocalDate;
import org.preconsult.catalogue.application.EntrySummaries;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.decision.model.ConditionStatus;
import org.preconsult.federation.model.RecordSummary;
import org.preconsult.lifecycle.model.Deliverable;
import org.preconsult.lifecycle.model.PlanRecord;
import org.preconsult.lifecycle.model.Stage;

/**
 * Maps plan records to and from the form they travel in. Reading back validates what the record
 * claims: a known stage, deliverables a node could record, and only its own plan's catalogue
 * entry (an entry of another id, owner or kind is refused, so an owner can never change another
 * government's catalogue entries through its records), and at most one decision line per revision
 * and one deliverable per kind, each condition once with a known status and ids that fit their
 * columns, as the record's tables hold them. A refusal is an
 * {@link IllegalArgumentException} naming what is wrong.
 */
public final class RecordSummaries {

    private static final int ID_LENGTH = 64;
    private static final int NODE_LENGTH = 100;
    private static final int ENTRY_LENGTH = 200;

    private RecordSummaries() {
    }

    public static RecordSummary of(PlanRecord r) {
        return new RecordSummary(r.planId(), r.ownerNode(), r.ownerName(), r.title(), r.budget(), r.stage().name(),
                r.submittedAt(), r.approvedAt(), r.kickoffOn(), r.goLiveOn(), r.cancelReason(), r.systemId(),
                r.lastUpdateAt(), r.version(),
                r.decisions().stream().map(d -> new RecordSummary.DecisionLine(d.revision(), d.outcome(), d.budget(),
                        d.submittedAt(), d.decidedAt(), d.decidingNode())).toList(),
                r.entry() == null ? null : EntrySummaries.of(r.entry()),
                r.deliverables().stream().map(d -> new RecordSummary.DeliverableLine(d.kind().name(), d.title(),
                        d.deliveredOn(), d.sizeBytes(), d.checksum(), d.link())).toList(),
                r.conditions().stream().map(c -> new RecordSummary.ConditionLine(c.conditionId(), c.decisionId(),
                        c.decidingNode(), c.dueOn(), c.status().name(), c.entryId())).toList());
    }

    public static PlanRecord record(RecordSummary r) {
        require(r.decisions().stream().map(RecordSummary.DecisionLine::revision).distinct().count() == r.decisions().size(),
                "a plan record has at most one decision line per revision");
        require(r.deliverables().stream().map(RecordSummary.DeliverableLine::kind).distinct().count()
                == r.deliverables().size(), "a plan record has at most one deliverable of each kind");
        var decisions = r.decisions().stream().map(d -> new PlanRecord.DecisionLine(d.revision(), d.outcome(),
                d.budget(), d.submittedAt(), d.decidedAt(), d.decidingNode())).toList();
        var deliverables = r.deliverables().stream().map(d -> {
            var invalid = Deliverable.invalid(d.title(), d.deliveredOn(), LocalDate.MAX, d.sizeBytes(), d.checksum(), d.link());
            require(invalid.isEmpty(), "deliverable " + d.kind() + ": " + invalid.map(Object::toString).orElse(""));
            return new Deliverable(Deliverable.Kind.valueOf(d.kind()), d.title(), d.deliveredOn(), d.sizeBytes(),
                    d.checksum(), d.link());
        }).toList();
        require(r.conditions().stream().map(RecordSummary.ConditionLine::conditionId).distinct().count()
                == r.conditions().size(), "a plan record has each condition once");
        var conditions = r.conditions().stream().map(c -> {
            require(c.conditionId().length() <= ID_LENGTH && length(c.decisionId()) <= ID_LENGTH
                    && length(c.decidingNode()) <= NODE_LENGTH && length(c.entryId()) <= ENTRY_LENGTH,
                    "condition " + c.conditionId() + ": an id is longer than its column");
            return new PlanRecord.ConditionLine(c.conditionId(), c.decisionId(), c.decidingNode(), c.dueOn(),
                    ConditionStatus.valueOf(c.status()), c.entryId());
        }).toList();
        var entry = r.entry() == null ? null : EntrySummaries.entry(r.entry());
        if (entry != null) {
            require(entry.id().equals(EntryIds.plan(r.ownerNode(), r.planId()))
                    && r.ownerNode().equals(entry.originNode()) && entry.kind() == EntryKind.PLAN,
                    "a plan record may only carry its own plan's catalogue entry");
        }
        return new PlanRecord(r.planId(), r.ownerNode(), r.ownerName(), r.title(), r.budget(), Stage.valueOf(r.stage()),
                r.submittedAt(), r.approvedAt(), r.kickoffOn(), r.goLiveOn(), r.cancelReason(), r.systemId(),
                r.lastUpdateAt(), r.version(), decisions, entry, deliverables, conditions);
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
