package org.preconsult.lifecycle.application;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.lifecycle.infrastructure.PlanRecordDecisionRow;
import org.preconsult.lifecycle.infrastructure.PlanRecordConditionRow;
import org.preconsult.lifecycle.infrastructure.PlanRecordDeliverableRow;
import org.preconsult.lifecycle.infrastructure.PlanRecordRepositories.PlanRecordConditionRows;
import org.preconsult.lifecycle.infrastructure.PlanRecordRepositories.PlanRecordDeliverableRows;
import org.preconsult.lifecycle.infrastructure.PlanRecordRepositories.PlanRecordDecisionRows;
import org.preconsult.lifecycle.infrastructure.PlanRecordRepositories.PlanRecordRows;
import org.preconsult.lifecycle.infrastructure.PlanRecordRow;
import org.preconsult.decision.model.ConditionStatus;
import org.preconsult.lifecycle.model.Deliverable;
import org.preconsult.lifecycle.model.PlanRecord;
import org.preconsult.lifecycle.model.Stage;

/**
 * The plan records this node keeps: its own plans' and, above a local node, those its subtree
 * reported. The only writer of {@code plan_record}. A received record replaces the stored one only
 * when its version is higher, so a late re-delivery never undoes a newer change; the catalogue
 * entry it carries is applied through the catalogue, which passes it on to the subtree.
 */
@Singleton
public class PlanRecords {

    private final PlanRecordRows rows;
    private final PlanRecordDecisionRows decisions;
    private final Catalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;
    private final PlanRecordDeliverableRows deliverables;
    private final PlanRecordConditionRows conditions;

    public PlanRecords(PlanRecordRows rows, PlanRecordDecisionRows decisions, Catalogue catalogue, AuditTrail audit,
                       Clock clock, PlanRecordDeliverableRows deliverables, PlanRecordConditionRows conditions) {
        this.deliverables = deliverables;
        this.conditions = conditions;
        this.rows = rows;
        this.decisions = decisions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** The record's id: the plan's catalogue id, the same at every node. */
    public static String idOf(String ownerNode, String planId) {
        return EntryIds.plan(ownerNode, planId);
    }

    /**
     * Applies a record a child sent up (in the inbox's transaction): stored when newer than what
     * is kept, with its catalogue entry; older or equal versions change nothing.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void received(PlanRecord record) {
        var existing = rows.findById(idOf(record.ownerNode(), record.planId()));
        if (existing.isPresent() && existing.get().version() >= record.version()) {
            return;
        }
        store(record);
        if (record.entry() != null) {
            catalogue.upsert(record.entry());
        }
        audit.record(CurrentActor.federation(record.ownerNode()), "PLAN_RECORD",
                idOf(record.ownerNode(), record.planId()), "RECEIVED",
                existing.map(r -> (Object) Map.of("stage", r.stage(), "version", r.version())).orElse(null),
                Map.of("stage", record.stage().name(), "version", record.version()));
    }

    /** Stores a record as it is now (inserted or replaced, with its decision lines). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void store(PlanRecord r) {
        String id = idOf(r.ownerNode(), r.planId());
        var row = new PlanRecordRow(id, r.ownerNode(), r.planId(), r.ownerName(), r.title(), r.budget(), r.stage().name(),
                r.submittedAt(), r.approvedAt(), r.kickoffOn(), r.goLiveOn(), r.cancelReason(), r.systemId(),
                r.lastUpdateAt(), r.version(), clock.instant());
        if (rows.existsById(id)) {
            rows.update(row);
            decisions.deleteByKeyRecordId(id);
            deliverables.deleteByKeyRecordId(id);
            conditions.deleteByKeyRecordId(id);
        } else {
            rows.save(row);
        }
        for (var d : r.decisions()) {
            decisions.save(new PlanRecordDecisionRow(new PlanRecordDecisionRow.Key(id, d.revision()), d.outcome(),
                    d.budget(), d.submittedAt(), d.decidedAt(), d.decidingNode()));
        }
        for (var d : r.deliverables()) {
            deliverables.save(new PlanRecordDeliverableRow(new PlanRecordDeliverableRow.Key(id, d.kind().name()),
                    d.title(), d.deliveredOn(), d.sizeBytes(), d.checksum(), d.link()));
        }
        for (var c : r.conditions()) {
            conditions.save(new PlanRecordConditionRow(new PlanRecordConditionRow.Key(id, c.conditionId()), c.decisionId(),
                    c.decidingNode(), c.dueOn(), c.status().name(), c.entryId()));
        }
    }

    @Transactional(readOnly = true)
    public Optional<PlanRecord> find(String ownerNode, String planId) {
        String id = idOf(ownerNode, planId);
        return rows.findById(id).map(row -> toRecord(row, decisions.findByKeyRecordId(id),
                deliverables.findByKeyRecordId(id), conditions.findByKeyRecordId(id)));
    }

    /** Every record kept here, with its decisions. */
    @Transactional(readOnly = true)
    public List<PlanRecord> all() {
        Map<String, List<PlanRecordDecisionRow>> lines = new HashMap<>();
        for (var d : decisions.findAll()) {
            lines.computeIfAbsent(d.key().recordId(), k -> new ArrayList<>()).add(d);
        }
        Map<String, List<PlanRecordDeliverableRow>> delivered = new HashMap<>();
        for (var d : deliverables.findAll()) {
            delivered.computeIfAbsent(d.key().recordId(), k -> new ArrayList<>()).add(d);
        }
        Map<String, List<PlanRecordConditionRow>> owed = new HashMap<>();
        for (var c : conditions.findAll()) {
            owed.computeIfAbsent(c.key().recordId(), k -> new ArrayList<>()).add(c);
        }
        List<PlanRecord> records = new ArrayList<>();
        for (var row : rows.findAll()) {
            records.add(toRecord(row, lines.getOrDefault(row.id(), List.of()), delivered.getOrDefault(row.id(), List.of()),
                    owed.getOrDefault(row.id(), List.of())));
        }
        return records;
    }

    private static PlanRecord toRecord(PlanRecordRow row, List<PlanRecordDecisionRow> lines,
                                       List<PlanRecordDeliverableRow> documents, List<PlanRecordConditionRow> owed) {
        var decisionLines = lines.stream()
                .sorted(java.util.Comparator.comparingInt(d -> d.key().revision()))
                .map(d -> new PlanRecord.DecisionLine(d.key().revision(), d.outcome(), d.budget(), d.submittedAt(),
                        d.decidedAt(), d.decidingNode()))
                .toList();
        return new PlanRecord(row.planId(), row.ownerNode(), row.ownerName(), row.title(), row.budget(),
                Stage.valueOf(row.stage()), row.submittedAt(), row.approvedAt(), row.kickoffOn(), row.goLiveOn(),
                row.cancelReason(), row.systemId(), row.lastUpdateAt(), row.version(), decisionLines, null,
                documents.stream().map(d -> new Deliverable(Deliverable.Kind.valueOf(d.key().kind()), d.title(),
                        d.deliveredOn(), d.sizeBytes(), d.checksum(), d.link()))
                        .sorted(java.util.Comparator.comparing(Deliverable::kind)).toList(),
                owed.stream().map(c -> new PlanRecord.ConditionLine(c.key().conditionId(), c.decisionId(), c.decidingNode(),
                        c.dueOn(), ConditionStatus.valueOf(c.status()), c.entryId()))
                        .sorted(java.util.Comparator.comparing(PlanRecord.ConditionLine::dueOn)
                                .thenComparing(PlanRecord.ConditionLine::conditionId)).toList());
    }
}
