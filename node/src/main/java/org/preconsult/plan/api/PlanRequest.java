package org.preconsult.plan.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.preconsult.plan.model.PlanContent;

/**
 * A plan as a department writes it. Only the title is needed to save a draft; the rest is
 * checked for completeness when the plan is read and refused at submission if missing.
 */
@Serdeable
record PlanRequest(
        @NotBlank @Size(max = 500) String title,
        @Nullable @Size(max = 20000) String purpose,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 500) String> functions,
        @Nullable @Size(max = 50) String functionCode,
        @Nullable @PositiveOrZero BigDecimal budget,
        @Nullable LocalDate plannedStart,
        @Nullable LocalDate plannedEnd,
        @Nullable @Size(max = 500) String platform,
        @Nullable @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") String language,
        @Nullable Boolean disasterOrSafety,
        @Nullable @Size(max = 300) String submittingDepartment,
        @Nullable @Size(max = 300) String contactPerson,
        @Nullable @Size(max = 20000) String internalNotes) {

    PlanContent content() {
        return new PlanContent(title.strip(), purpose, functions, functionCode, budget, plannedStart, plannedEnd,
                platform, language, Boolean.TRUE.equals(disasterOrSafety), submittingDepartment, contactPerson,
                internalNotes);
    }
}
