package org.preconsult.redundancy.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the redundancy check looks at: the content of a plan as it is drafted or as it arrives for
 * review. {@code owner} is the applicant government, so that its own earlier entries are reported
 * as re-registrations; {@code excludeEntryId} keeps a plan from matching its own catalogue copy.
 */
public record PlanDraft(
        String title,
        String description,
        List<String> functions,
        String functionCode,
        String language,
        String owner,
        BigDecimal budget,
        String excludeEntryId) {

    public PlanDraft {
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
