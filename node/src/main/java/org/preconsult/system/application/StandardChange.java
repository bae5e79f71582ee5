package org.preconsult.system.application;

import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.node.NodeRole;

/** What registering or changing a standard system came to: the entry as stored, or why nothing changed. */
public sealed interface StandardChange {

    /** Stored and offered to the whole federation. */
    record Done(CatalogueEntry entry) implements StandardChange {
    }

    /** Standard systems are kept at the central node only; this node has another role. */
    record NotCentral(NodeRole role) implements StandardChange {
    }

    /** No standard system has this id. */
    record Unknown(String id) implements StandardChange {
    }
}
