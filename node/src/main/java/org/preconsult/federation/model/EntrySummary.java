package org.preconsult.federation.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A catalogue entry as it travels between nodes: kind and status by name, and, when its origin sent
 * them, its translations and relations ({@link EntryDetails}; null keeps the receiver's). The catalogue reads it
 * back into its own entry ({@code org.preconsult.catalogue.application.EntrySummaries}) and refuses
 * a kind or status it does not know.
 */
public record EntrySummary(
        String id,
        String kind,
        String owner,
        String name,
        String description,
        List<String> functions,
        String functionCode,
        String language,
        String status,
        BigDecimal budget,
        String originNode,
        long version,
        Instant updatedAt,
        EntryDetails details) {

    public EntrySummary {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }

    /** A summary without details: the receiver keeps the translations and relations it has. */
    public EntrySummary(String id, String kind, String owner, String name, String description, List<String> functions,
                        String functionCode, String language, String status, BigDecimal budget, String originNode,
                        long version, Instant updatedAt) {
        this(id, kind, owner, name, description, functions, functionCode, language, status, budget, originNode, version,
                updatedAt, null);
    }
}
