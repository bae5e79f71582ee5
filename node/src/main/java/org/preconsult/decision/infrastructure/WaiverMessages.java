package org.preconsult.decision.infrastructure;

import java.time.Instant;
import org.preconsult.decision.model.Waiver;
import org.preconsult.federation.v1.ConditionWaiver;

/** Maps a waiver to its signed wire content and back. */
final class WaiverMessages {

    private WaiverMessages() {
    }

    static ConditionWaiver toProto(Waiver w) {
        return ConditionWaiver.newBuilder()
                .setWaiverId(w.waiverId())
                .setConditionId(w.conditionId())
                .setDecisionId(w.decisionId())
                .setPlanId(w.planId())
                .setOwnerNode(w.ownerNode())
                .setDecidingNode(w.decidingNode())
                .setReason(w.reason() == null ? "" : w.reason())
                .setWaivedAtEpochMs(w.waivedAt().toEpochMilli())
                .setWaivedBy(w.waivedBy() == null ? "" : w.waivedBy())
                .build();
    }

    static Waiver fromProto(ConditionWaiver w) {
        return new Waiver(w.getWaiverId(), w.getConditionId(), w.getDecisionId(), w.getPlanId(), w.getOwnerNode(),
                w.getDecidingNode(), w.getReason(), Instant.ofEpochMilli(w.getWaivedAtEpochMs()), w.getWaivedBy());
    }
}
