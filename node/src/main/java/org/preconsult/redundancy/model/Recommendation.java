package org.preconsult.redundancy.model;

import java.util.List;
import org.preconsult.common.model.Outcome;

/**
 * The decision the rules recommend, with the reasons a reviewer reads. For a conditional approval
 * or deferral, {@code proposed} is the entry to adopt or wait for. {@code confidence} (0..1) tells
 * how clear the case is; automatic decisions require a high one.
 */
public record Recommendation(
        Outcome outcome,
        List<String> reasons,
        Match proposed,
        double confidence) {

    public Recommendation {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
