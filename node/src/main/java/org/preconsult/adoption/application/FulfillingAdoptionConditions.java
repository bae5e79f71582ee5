package org.preconsult.adoption.application;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.preconsult.adoption.infrastructure.AdoptionRows;
import org.preconsult.adoption.model.AdoptionState;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.application.PlanConditions;
import org.preconsult.plan.application.PlanDecided;

/**
 * Fulfils an "adopt system X" condition that arrives after this government already completed the
 * adoption of X: when a decision is applied to one of its plans, each condition naming an entry
 * this node has adopted (accepted by its owner) is fulfilled at once, in the decision's transaction.
 * The other order (the adoption completed after the condition) is handled where the acceptance
 * arrives ({@link ReceivingAdoptionMessages}).
 */
@Singleton
class FulfillingAdoptionConditions {

    private final AdoptionRows.Adoptions rows;
    private final PlanConditions conditions;
    private final NodeSettings node;

    FulfillingAdoptionConditions(AdoptionRows.Adoptions rows, PlanConditions conditions, NodeSettings node) {
        this.rows = rows;
        this.conditions = conditions;
        this.node = node;
    }

    /** Runs synchronously inside the transaction of the applied decision. */
    @EventListener
    void on(PlanDecided event) {
        for (var condition : event.decision().conditions()) {
            if (condition.entryId() == null) {
                continue;
            }
            rows.findByEntryIdAndState(condition.entryId(), AdoptionState.ACCEPTED.name()).stream()
                    .filter(a -> a.adopterNode().equals(node.id())).findFirst()
                    .ifPresent(a -> conditions.fulfilByAdoption(condition.entryId(), "Adoption " + a.id() + " of "
                            + a.entryId() + " was accepted by " + a.ownerNode() + " before the decision.", CurrentActor.SYSTEM));
        }
    }
}
