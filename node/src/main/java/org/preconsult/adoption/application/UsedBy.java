package org.preconsult.adoption.application;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.infrastructure.EntryDetailsStore;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.RelationType;

/** Records a completed adoption in this node's catalogue copy of the adopted entry, as a "used by" relation. */
@Singleton
class UsedBy {

    private final Catalogue catalogue;
    private final EntryDetailsStore details;

    UsedBy(Catalogue catalogue, EntryDetailsStore details) {
        this.catalogue = catalogue;
        this.details = details;
    }

    /** The relation's target: the adopting government's name and node, as readers see it. */
    static String target(String adopterName, String adopterNode) {
        return (adopterName == null || adopterName.isBlank() ? adopterNode : adopterName) + " (" + adopterNode + ")";
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void record(String entryId, String adopterName, String adopterNode) {
        if (catalogue.find(entryId).isPresent()) {
            details.addRelation(entryId, new Relation(RelationType.USED_BY, target(adopterName, adopterNode)));
        }
    }
}
