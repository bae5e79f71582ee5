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
}
