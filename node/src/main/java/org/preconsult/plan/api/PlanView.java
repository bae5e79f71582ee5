package org.preconsult.plan.api;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.preconsult.plan.application.PlanDeliveries;
import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.decision.infrastructure.ConditionsJson;
import org.preconsult.plan.infrastructure.PlanConditionRow;
import org.preconsult.plan.infrastructure.PlanDecisionRow;
import org.preconsult.plan.model.Plan;
import org.preconsult.plan.model.PlanStatus;

/** A plan as its owner reads it: every field, its completeness and the decisions received. */
@Serdeable
record PlanView(
        String id,
        int revision,
        PlanStatus status,
        String title,
        String purpose,
        List<String> functions,
        String functionCode,
        BigDecimal budget,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        String platform,
        String language,
        boolean disasterOrSafety,
        String submittingDepartment,
        String contactPerson,
        String internalNotes,
        CompletenessView completeness,
        List<DecisionView> decisions,
        List<TrackedConditionView> conditions,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        DeliveryView delivery) {

    /**
     * Whether the parent confirmed the submitted revision: {@code overdue} when it has not after
     * {@code preconsult.sync.delivery-overdue}; {@code rejection} is the parent's reason for refusing it.
     */
    @Serdeable
    record DeliveryView(Instant confirmedAt, String rejection, boolean overdue) {
    }

    @Serdeable
    record CompletenessView(double score, boolean complete, List<MissingView> missing) {
    }

    @Serdeable
    record MissingView(String field, String message) {
    }

    @Serdeable
    record ConditionView(String id, String text, LocalDate dueDate, String entryId) {
    }

    @Serdeable
    record DecisionView(String decisionId, int planRevision, String caseId, String outcome, List<String> reasons,
                        List<ConditionView> conditions, String decidingNode, String decidedBy, boolean automatic,
                        Instant decidedAt, Instant receivedAt, String signerKeyId) {
    }

    @Serdeable
    record TrackedConditionView(String conditionId, String decisionId, String decidingNode, String text,
                                LocalDate dueDate, String entryId, String status, String evidence, Instant updatedAt) {
    }

    static PlanView of(Plan plan, List<PlanDecisionRow> decisions, ConditionsJson conditionsJson,
                       List<PlanConditionRow> tracked, PlanDeliveries.Delivery delivery) {
        var c = plan.content();
        var completeness = plan.completeness();
        return new PlanView(plan.id(), plan.revision(), plan.status(), c.title(), c.purpose(), c.functions(),
                c.functionCode(), c.budget(), c.plannedStart(), c.plannedEnd(), c.platform(), c.language(),
                c.disasterOrSafety(), c.submittingDepartment(), c.contactPerson(), c.internalNotes(),
                new CompletenessView(completeness.score(), completeness.isComplete(),
                        completeness.missing().stream().map(m -> new MissingView(m.field(), m.message())).toList()),
                decisions.stream().map(d -> new DecisionView(d.decisionId(), d.planRevision(), d.caseId(), d.outcome(),
                        TextLists.split(d.reasons()),
                        conditionsJson.read(d.conditions()).stream()
                                .map(k -> new ConditionView(k.id(), k.text(), k.dueDate(), k.entryId())).toList(),
                        d.decidingNode(), d.decidedBy(), d.automatic(), d.decidedAt(), d.receivedAt(), d.signerKeyId()))
                        .toList(),
                tracked.stream().map(t -> new TrackedConditionView(t.conditionId(), t.decisionId(), t.decidingNode(),
                        t.text(), t.dueDate(), t.entryId(), t.status(), t.evidence(), t.updatedAt())).toList(),
                plan.createdBy(), plan.createdAt(), plan.updatedAt(), plan.submittedAt(),
                delivery == null ? null : new DeliveryView(delivery.confirmedAt(), delivery.rejection(), delivery.overdue()));
    }
}
