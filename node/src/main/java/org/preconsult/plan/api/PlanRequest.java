package org.preconsult.plan.api;

import org.preconsult.common.api.Bounds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Digits;
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
        @NotBlank @Size(max = Bounds.TITLE) String title,
        @Nullable @Size(max = Bounds.LONG_TEXT) String purpose,
        @Nullable @Size(max = Bounds.FUNCTIONS) List<@NotBlank @Size(max = Bounds.FUNCTION) String> functions,
        @Nullable @Size(max = Bounds.FUNCTION_CODE) String functionCode,
        @Nullable @PositiveOrZero @Digits(integer = Bounds.MONEY_INTEGER_DIGITS, fraction = Bounds.MONEY_FRACTION_DIGITS) BigDecimal budget,
        @Nullable LocalDate plannedStart,
        @Nullable LocalDate plannedEnd,
        @Nullable @Size(max = Bounds.PLATFORM) String platform,
        @Nullable @Size(max = Bounds.LANGUAGE) @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as 'en', 'ko' or 'pt-BR'") String language,
        @Nullable Boolean disasterOrSafety,
        @Nullable @Size(max = Bounds.NAME) String submittingDepartment,
        @Nullable @Size(max = Bounds.NAME) String contactPerson,
        @Nullable @Size(max = Bounds.LONG_TEXT) String internalNotes) {

    PlanContent content() {
        return new PlanContent(title.strip(), purpose, functions, functionCode, budget, plannedStart, plannedEnd,
                platform, language, Boolean.TRUE.equals(disasterOrSafety), submittingDepartment, contactPerson,
                internalNotes);
    }
}
