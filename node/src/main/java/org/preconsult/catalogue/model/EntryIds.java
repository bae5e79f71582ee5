package org.preconsult.catalogue.model;

import java.util.UUID;

/**
 * The one place catalogue entry ids are made. An entry of a plan or a system has the same id at
 * every node (its owner and its id at the owner), so copies that travel meet the same row.
 */
public final class EntryIds {

    private EntryIds() {
    }

    /** The entry of a plan once it is approved: stable across the federation. */
    public static String plan(String ownerNode, String planId) {
        return ownerNode + ":plan:" + planId;
    }

    /** The entry of an existing information system registered at its owner. */
    public static String system(String ownerNode, String systemId) {
        return ownerNode + ":system:" + systemId;
    }

    /** A new standard system registered at this (central) node. */
    public static String newStandard(String nodeId) {
        return nodeId + ":standard:" + UUID.randomUUID();
    }
}
