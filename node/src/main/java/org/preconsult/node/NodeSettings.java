package org.preconsult.node;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Who this node is: {@code preconsult.node.*}.
 *
 * @param id     stable identifier of the node in the federation (letters, digits, '-', '_', '.')
 * @param name   the government's name as people read it
 * @param role   LOCAL, PROVINCIAL or CENTRAL
 * @param parent gRPC address {@code host:port} of the parent node; absent for central
 */
@ConfigurationProperties("preconsult.node")
public record NodeSettings(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String id,
        @NotBlank String name,
        @NotNull NodeRole role,
        @Nullable String parent) {

    public boolean hasParent() {
        return parent != null && !parent.isBlank();
    }

    /**
     * Whether this node is the top of its tree, where review ends: central, or a node with no
     * parent configured. A plan that reaches the top is decided there and goes no further.
     */
    public boolean isTop() {
        return role == NodeRole.CENTRAL || !hasParent();
    }

    /** Whether this node may have children (a provincial or central node), and so keeps a feed for them. */
    public boolean hasChildren() {
        return role != NodeRole.LOCAL;
    }

    /** Whether this node is central, the only one that registers standard systems. */
    public boolean isCentral() {
        return role == NodeRole.CENTRAL;
    }
}
