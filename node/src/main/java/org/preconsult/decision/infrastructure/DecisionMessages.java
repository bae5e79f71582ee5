package org.preconsult.decision.infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import org.preconsult.common.model.Outcome;
import org.preconsult.federation.v1.DecisionContent;
import org.preconsult.decision.model.Condition;
import org.preconsult.decision.model.Decision;

/** Maps decisions to and from the signed wire form. */
public final class DecisionMessages {

    private DecisionMessages() {
    }

    public static DecisionContent toProto(Decision d) {
        var builder = DecisionContent.newBuilder()
                .setDecisionId(d.decisionId()).setCaseId(d.caseId()).setPlanId(d.planId())
                .setPlanRevision(d.planRevision()).setOriginNode(d.originNode()).setDecidingNode(d.decidingNode())
                .setOutcome(d.outcome().name()).addAllReasons(d.reasons())
                .setDecidedAtEpochMs(d.decidedAt().toEpochMilli()).setAutomatic(d.automatic())
                .setDecidedBy(text(d.decidedBy())).setAdoptEntryId(text(d.adoptEntryId()))
                .setAdoptEntryOwner(text(d.adoptEntryOwner()));
        for (Condition c : d.conditions()) {
            builder.addConditions(org.preconsult.federation.v1.Condition.newBuilder()
                    .setConditionId(c.id()).setText(c.text())
                    .setDueDate(c.dueDate() == null ? "" : c.dueDate().toString())
                    .setEntryId(text(c.entryId())));
        }
        return builder.build();
    }

    public static Decision fromProto(DecisionContent c) {
        return new Decision(c.getDecisionId(), c.getCaseId(), c.getPlanId(), c.getPlanRevision(), c.getOriginNode(),
                c.getDecidingNode(), Outcome.valueOf(c.getOutcome()), c.getReasonsList(),
                c.getConditionsList().stream().map(k -> new Condition(k.getConditionId(), k.getText(),
                        k.getDueDate().isEmpty() ? null : LocalDate.parse(k.getDueDate()), absent(k.getEntryId()))).toList(),
                Instant.ofEpochMilli(c.getDecidedAtEpochMs()), c.getAutomatic(), absent(c.getDecidedBy()),
                absent(c.getAdoptEntryId()), absent(c.getAdoptEntryOwner()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String absent(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
