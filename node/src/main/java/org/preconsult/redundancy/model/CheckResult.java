package org.preconsult.redundancy.model;

import java.util.List;

/** The ranked matches of one plan and the recommendation drawn from them. */
public record CheckResult(List<Match> matches, Recommendation recommendation) {
    public CheckResult {
        matches = matches == null ? List.of() : List.copyOf(matches);
    }
}
