package org.preconsult.sync.infrastructure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.preconsult.federation.model.RecordSummary;

/**
 * Maps plan records (life after the decision) to and from their protobuf form. What needs the
 * lifecycle's own types (stage, deliverables, the plan's own entry) is checked when the lifecycle
 * reads the record back ({@code org.preconsult.lifecycle.application.RecordSummaries}).
 */
final class LifecycleCodec {

    private LifecycleCodec() {
    }

    static org.preconsult.federation.v1.PlanRecord toProto(RecordSummary r) {
        var builder = org.preconsult.federation.v1.PlanRecord.newBuilder()
                .setPlanId(r.planId()).setOwnerNode(r.ownerNode()).setOwnerName(text(r.ownerName()))
                .setTitle(r.title()).setBudget(decimalText(r.budget())).setStage(r.stage())
                .setSubmittedAtEpochMs(millis(r.submittedAt())).setApprovedAtEpochMs(millis(r.approvedAt()))
                .setKickoffOn(dateText(r.kickoffOn())).setGoLiveOn(dateText(r.goLiveOn()))
                .setCancelReason(text(r.cancelReason())).setSystemId(text(r.systemId()))
                .setLastUpdateAtEpochMs(r.lastUpdateAt().toEpochMilli()).setVersion(r.version());
        for (var d : r.decisions()) {
            builder.addDecisions(org.preconsult.federation.v1.DecisionLine.newBuilder()
                    .setRevision(d.revision()).setOutcome(d.outcome()).setBudget(decimalText(d.budget()))
                    .setSubmittedAtEpochMs(millis(d.submittedAt())).setDecidedAtEpochMs(d.decidedAt().toEpochMilli())
                    .setDecidingNode(text(d.decidingNode())));
        }
        if (r.entry() != null) {
            builder.setEntry(FederationCodec.toProto(r.entry()));
        }
        for (var d : r.deliverables()) {
            builder.addDeliverables(org.preconsult.federation.v1.Deliverable.newBuilder()
                    .setKind(d.kind()).setTitle(d.title()).setDeliveredOn(d.deliveredOn().toString())
                    .setSizeBytes(d.sizeBytes()).setChecksum(d.checksum()).setLink(text(d.link())));
        }
        for (var c : r.conditions()) {
            builder.addConditions(org.preconsult.federation.v1.ConditionLine.newBuilder()
                    .setConditionId(c.conditionId()).setDecisionId(text(c.decisionId()))
                    .setDecidingNode(text(c.decidingNode())).setDueOn(c.dueOn().toString()).setStatus(c.status())
                    .setEntryId(text(c.entryId())));
        }
        return builder.build();
    }

    static RecordSummary fromProto(org.preconsult.federation.v1.PlanRecord r, Instant receivedAt) {
        require(!r.getPlanId().isBlank() && !r.getOwnerNode().isBlank(), "plan_id and owner_node are required");
        require(!r.getTitle().isBlank(), "title is empty");
        require(r.getVersion() > 0, "version must be positive");
        require(r.getLastUpdateAtEpochMs() > 0, "last_update_at is required");
        var decisions = r.getDecisionsList().stream().map(d -> {
            require(!d.getOutcome().isBlank() && d.getDecidedAtEpochMs() > 0, "a decision line needs its outcome and time");
            return new RecordSummary.DecisionLine(d.getRevision(), d.getOutcome(), decimal(d.getBudget()),
                    instant(d.getSubmittedAtEpochMs()), Instant.ofEpochMilli(d.getDecidedAtEpochMs()),
                    absent(d.getDecidingNode()));
        }).toList();
        var deliverables = r.getDeliverablesList().stream().map(d -> {
            var deliveredOn = date(d.getDeliveredOn());
            require(deliveredOn != null, "a deliverable needs its date");
            return new RecordSummary.DeliverableLine(d.getKind(), d.getTitle(), deliveredOn, d.getSizeBytes(),
                    d.getChecksum(), absent(d.getLink()));
        }).toList();
        var conditions = r.getConditionsList().stream().map(c -> {
            var dueOn = date(c.getDueOn());
            require(!c.getConditionId().isBlank() && dueOn != null && !c.getStatus().isBlank(),
                    "a condition line needs its id, due date and status");
            return new RecordSummary.ConditionLine(c.getConditionId(), absent(c.getDecisionId()),
                    absent(c.getDecidingNode()), dueOn, c.getStatus(), absent(c.getEntryId()));
        }).toList();
        var entry = r.hasEntry() ? FederationCodec.fromProto(r.getEntry(), receivedAt) : null;
        return new RecordSummary(r.getPlanId(), r.getOwnerNode(), absent(r.getOwnerName()), r.getTitle(),
                decimal(r.getBudget()), r.getStage(), instant(r.getSubmittedAtEpochMs()),
                instant(r.getApprovedAtEpochMs()), date(r.getKickoffOn()), date(r.getGoLiveOn()),
                absent(r.getCancelReason()), absent(r.getSystemId()), Instant.ofEpochMilli(r.getLastUpdateAtEpochMs()),
                r.getVersion(), decisions, entry, deliverables, conditions);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static long millis(Instant at) {
        return at == null ? 0 : at.toEpochMilli();
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String absent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static String decimalText(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static BigDecimal decimal(String value) {
        return value == null || value.isEmpty() ? null : new BigDecimal(value);
    }

    private static String dateText(LocalDate value) {
        return value == null ? "" : value.toString();
    }

    private static LocalDate date(String value) {
        return value == null || value.isEmpty() ? null : LocalDate.parse(value);
    }
}
