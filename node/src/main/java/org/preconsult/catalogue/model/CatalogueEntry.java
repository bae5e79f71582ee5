package org.preconsult.catalogue.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing that already exists or is planned somewhere in the federation, as every node keeps it
 * in its catalogue.
 *
 * <p>{@code originNode} is the node that owns the record (null for entries imported by an operator
 * at this node); {@code version} increases with each change at the origin, so a stale copy that
 * arrives late never overwrites a newer one.
 */
public record CatalogueEntry(
        String id,
        EntryKind kind,
        String owner,
        String name,
        String description,
        List<String> functions,
        String functionCode,
        String language,
        EntryStatus status,
        BigDecimal budget,
        String originNode,
        long version,
        Instant updatedAt) {

    public CatalogueEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        functions = functions == null ? List.of() : List.copyOf(functions);
        description = description == null ? "" : description;
        // The database keeps two decimals; normalizing here makes copies compare equal.
        budget = budget == null ? null : budget.setScale(2, RoundingMode.HALF_UP);
    }

    /** True when this entry may be proposed as a duplicate of a plan. */
    public boolean isCandidate() {
        return status.isCandidate();
    }

    public CatalogueEntry withStatus(EntryStatus newStatus, long newVersion, Instant at) {
        return new CatalogueEntry(id, kind, owner, name, description, functions, functionCode, language,
                newStatus, budget, originNode, newVersion, at);
    }
}
