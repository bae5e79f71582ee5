package org.preconsult.trust.model;

import org.preconsult.node.NodeRole;

/** Which roles a node may enrol as its children: the tree is central, provinces, locals. */
public final class ChildRoles {

    private ChildRoles() {
    }

    public static boolean mayEnrol(NodeRole parent, NodeRole child) {
        return switch (parent) {
            case CENTRAL -> child == NodeRole.PROVINCIAL || child == NodeRole.LOCAL;
            case PROVINCIAL -> child == NodeRole.LOCAL;
            case LOCAL -> false;
        };
    }
}
