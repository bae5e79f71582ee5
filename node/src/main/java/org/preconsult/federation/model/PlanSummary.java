package org.preconsult.federation.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What travels upward about a plan: the allow-list of fields that review needs. Contact persons,
 * internal notes and the submitting department never appear here; only
 * {@code org.preconsult.plan.application.PlanSummaries} builds instances from a plan.
 */
public record PlanSummary(
        String planId,
        int revision,
        String ownerNode,
        String ownerName,
        String title,
        String purpose,
        List<String> functions,
        String functionCode,
        BigDecimal budget,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        String platform,
        String language,
        boolean disasterOrSafety,
        String status,
        Instant submittedAt,
        String previousCaseId) {

    public PlanSummary {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
