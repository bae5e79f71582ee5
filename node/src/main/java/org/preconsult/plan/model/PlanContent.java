package org.preconsult.plan.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a department writes about a plan. The last three fields are private to the owner node:
 * they never leave it.
 */
public record PlanContent(
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
        String submittingDepartment,
        String contactPerson,
        String internalNotes) {

    public PlanContent {
        functions = functions == null ? List.of()
                : functions.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
    }
}
