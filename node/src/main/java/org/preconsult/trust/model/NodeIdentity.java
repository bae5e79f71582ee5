package org.preconsult.trust.model;

import java.util.Objects;
import org.preconsult.node.NodeRole;

/**
 * Who a federation certificate says its holder is: a node id, its role, and the node that enrolled
 * it (null for central, whose certificate comes from the root).
 */
public record NodeIdentity(String nodeId, NodeRole role, String parentId) {

    public NodeIdentity {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(role, "role");
    }

    /** Only central and provincial nodes enrol children, so only their certificates may issue others. */
    public boolean mayIssue() {
        return role != NodeRole.LOCAL;
    }
}
