package org.preconsult.redundancy.api;

import org.preconsult.common.api.Bounds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.preconsult.redundancy.model.PlanDraft;

/**
 * A plan to check, as sent: the content the check reads, and how many matches to return
 * ({@code limit}, 1 to 50, default 10); {@code bestPractice} true keeps only entries marked as best
 * practice among the matches. Limits follow the plan table's columns.
 */
@Serdeable
public record RedundancyCheckRequest(
        @NotBlank(message = "title is required") @Size(max = Bounds.TITLE, message = "title may have at most {max} characters")
        String title,
        @Nullable @Size(max = Bounds.LONG_TEXT, message = "description may have at most {max} characters")
        String description,
        @Nullable @Size(max = Bounds.FUNCTIONS, message = "at most {max} functions may be listed")
        List<@NotBlank(message = "a function must not be blank") @Size(max = Bounds.FUNCTION, message = "a function may have at most {max} characters") String> functions,
        @Nullable @Size(max = Bounds.FUNCTION_CODE, message = "functionCode may have at most {max} characters")
        String functionCode,
        @Nullable @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "language must be a BCP 47 tag such as 'en', 'it' or 'pt-BR'")
        @Size(max = Bounds.LANGUAGE, message = "language may have at most {max} characters")
        String language,
        @Nullable @Size(max = Bounds.NAME, message = "owner may have at most {max} characters")
        String owner,
        @Nullable @DecimalMin(value = "0", message = "budget must be 0 or more")
        BigDecimal budget,
        @Nullable @Min(value = 1, message = "limit must be between 1 and 50") @Max(value = 50, message = "limit must be between 1 and 50")
        Integer limit,
        @Nullable
        Boolean bestPractice) {

    static final int DEFAULT_LIMIT = 10;

    boolean bestPracticeOnly() {
        return Boolean.TRUE.equals(bestPractice);
    }

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    PlanDraft toDraft() {
        return new PlanDraft(title.strip(), description, functions, functionCode, language, owner, budget, null);
    }
}
