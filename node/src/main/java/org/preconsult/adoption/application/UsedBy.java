package org.preconsult.adoption.application;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.infrastructure.EntryDetailsStore;
import org.preconsult.catalogue.model.CatalogueEntry;
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

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void record(String entryId, String adopterName, String adopterNode) {
        var found = catalogue.find(entryId);
        if (found.isEmpty()) {
            return;
        }
        var entry = found.get();
        var relation = new Relation(RelationType.USED_BY, target(adopterName, adopterNode));
        String ownSystemPrefix = EntryIds.system(node.id(), "");
        if (entry.kind() == EntryKind.EXISTING_SYSTEM && entryId.startsWith(ownSystemPrefix)
                && systems.usedBy(entryId.substring(ownSystemPrefix.length()), relation).isPresent()) {
            return;
        }
        if (publishedHere(entry)) {
            catalogue.addRelation(entryId, relation);
        } else {
            details.addRelation(entryId, relation);
        }
    }

    /** An entry this node is the origin of, other than a plan's (which travels with the plan's record). */
    private boolean publishedHere(CatalogueEntry entry) {
        return entry.kind() != EntryKind.PLAN && (entry.originNode() == null || entry.originNode().equals(node.id()));
    }
}
