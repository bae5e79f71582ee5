package org.preconsult.system.application;

import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.preconsult.catalogue.application.BrowsingCatalogue;
import org.preconsult.catalogue.exporting.PublicCodeExport;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryIds;
import org.preconsult.node.NodeSettings;

/**
 * The registry of this government's systems as the exports write it: its catalogue entries (as
 * they are known across the federation, with whom they are used by), and one system as
 * publiccode.yml. The API and the pages download the same.
 */
@Singleton
public class SystemExports {

    /** The file name a registry download is saved under. */
    public static final String REGISTRY_FILE = "systems.csv";

    private final SystemRegistry systems;
    private final BrowsingCatalogue catalogue;
    private final NodeSettings node;

    SystemExports(SystemRegistry systems, BrowsingCatalogue catalogue, NodeSettings node) {
        this.systems = systems;
        this.catalogue = catalogue;
        this.node = node;
    }

    /** The catalogue entries of every system registered here. */
    @Transactional(readOnly = true)
    public List<CatalogueEntry> registry() {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            var found = systems.list(Pageable.from(page, BrowsingCatalogue.MAX_PAGE_SIZE));
            found.getContent().forEach(s -> catalogue.find(EntryIds.system(node.id(), s.id()))
                    .ifPresent(d -> entries.add(d.entry())));
            if (!found.hasNext()) {
                return entries;
            }
        }
    }

    /** One system registered here as a publiccode.yml document; empty when there is no such system. */
    @Transactional(readOnly = true)
    public Optional<String> publicCode(String systemId) {
        if (systems.find(systemId).isEmpty()) {
            return Optional.empty();
        }
        return catalogue.find(EntryIds.system(node.id(), systemId))
                .map(d -> PublicCodeExport.write(d.entry(), d.translations(), d.relations()));
    }
}
