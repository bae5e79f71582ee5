package org.preconsult.adoption.application;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.infrastructure.EntryDetailsStore;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.RelationType;
import org.preconsult.node.NodeSettings;
import org.preconsult.system.application.SystemRegistry;

/**
 * Records a completed adoption in the catalogue, as a "used by" relation of the adopted entry.
 * At the owner it is a new version of the entry that reaches every node's catalogue: a registered
 * system goes up through the registry, an entry this node published goes down to its subtree. At
 * the adopter it is written into the local copy at once, and the owner's next version brings the
 * same set.
 */
@Singleton
class UsedBy {

    private final Catalogue catalogue;
    private final EntryDetailsStore details;
    private final SystemRegistry systems;
    private final NodeSettings node;

    UsedBy(Catalogue catalogue, EntryDetailsStore details, SystemRegistry systems, NodeSettings node) {
        this.catalogue = catalogue;
        this.details = details;
        this.systems = systems;
        this.node = node;
    }

    /** The relation's target: the adopting government's name and node, as readers see it. */
    static String target(String adopterName, String adopterNode) {
        return (adopterName == null || adopterName.isBlank() ? adopterNode : adopterName) + " (" + adopterNode + ")";
    }

    /**
     * At the owner, as it accepts: a new version of its entry, which reaches every catalogue (a
     * registered system through the registry, an entry the node published to its subtree).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void atOwner(String entryId, String adopterName, String adopterNode) {
        var found = catalogue.find(entryId);
        if (found.isEmpty()) {
            return;
        }
        var relation = new Relation(RelationType.USED_BY, target(adopterName, adopterNode));
        String ownSystemPrefix = EntryIds.system(node.id(), "");
        if (found.get().kind() == EntryKind.EXISTING_SYSTEM && entryId.startsWith(ownSystemPrefix)
                && systems.usedBy(entryId.substring(ownSystemPrefix.length()), relation).isPresent()) {
            return;
        }
        if (found.get().kind() == EntryKind.PLAN) {
            // A plan's entry travels with the plan's record, which does not carry relations.
            details.addRelation(entryId, relation);
        } else {
            catalogue.addRelation(entryId, relation);
        }
    }

    /** At the adopter, as the acceptance arrives: into its copy at once (the owner's next version brings the same). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void atAdopter(String entryId, String adopterName, String adopterNode) {
        if (catalogue.find(entryId).isPresent()) {
            details.addRelation(entryId, new Relation(RelationType.USED_BY, target(adopterName, adopterNode)));
        }
    }
}
