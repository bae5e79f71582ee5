package org.preconsult.adoption.application;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.preconsult.adoption.infrastructure.AdoptionRows;
import org.preconsult.adoption.infrastructure.AdoptionRows.AdoptionRow;
import org.preconsult.adoption.model.AdoptionState;
import org.preconsult.adoption.model.ChangeNotice;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.CatalogueChanged;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.node.NodeSettings;

/**
 * Sends change notices by itself: when one of this node's own catalogue entries changes (a system
 * updated or retired, a plan's lifecycle moved) and it is the original of an accepted adoption, the
 * adopter is told; when it is an adopter's customized copy, the owner is told. Runs in the
 * transaction of the change (the catalogue publishes synchronously), so the notice is durable with it.
 */
@Singleton
class SendingChangeNotices {

    private final AdoptionRows.Adoptions rows;
    private final Adoptions adoptions;
    private final NodeSettings node;

    SendingChangeNotices(AdoptionRows.Adoptions rows, Adoptions adoptions, NodeSettings node) {
        this.rows = rows;
        this.adoptions = adoptions;
        this.node = node;
    }

    @EventListener
    void onCatalogueChanged(org.preconsult.catalogue.application.CatalogueChanged change) {
        CatalogueEntry entry = change.entry();
        if (!node.id().equals(entry.originNode()) || change.detailsOnly()) {
            return;
        }
        String accepted = AdoptionState.ACCEPTED.name();
        for (AdoptionRow row : rows.findByEntryIdAndState(entry.id(), accepted)) {
            if (row.ownerNode().equals(node.id())) {
                notice(row, entry, ChangeNotice.ORIGINAL_CHANGED.fill(entry.name(), entry.status(), entry.version()));
            }
        }
        for (AdoptionRow row : rows.findByCopyEntryIdAndState(entry.id(), accepted)) {
            if (row.adopterNode().equals(node.id())) {
                notice(row, entry, ChangeNotice.COPY_CHANGED.fill(entry.name(), entry.status(), entry.version()));
            }
        }
    }

    private void notice(AdoptionRow row, CatalogueEntry entry, String text) {
        adoptions.sendNotice(row.toAdoption(), entry.id(), entry.version(), entry.status().name(), text, CurrentActor.SYSTEM);
    }
}
