package org.preconsult.redundancy.api;

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
 * ({@code limit}, 1 to 50, default 10). Limits follow the plan table's columns.
 */
@Serdeable
public record RedundancyCheckRequest(
        @NotBlank(message = "title is required") @Size(max = 500, message = "title may have at most 500 characters")
        String title,
        @Nullable @Size(max = 20_000, message = "description may have at most 20000 characters")
        String description,
        @Nullable @Size(max = 100, message = "at most 100 functions may be listed")
        List<@NotBlank(message = "a function must not be blank") @Size(max = 500, message = "a function may have at most 500 characters") String> functions,
        @Nullable @Size(max = 50, message = "functionCode may have at most 50 characters")
        String functionCode,
        @Nullable @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", message = "language must be a BCP 47 tag such as 'en', 'it' or 'pt-BR'")
        @Size(max = 20, message = "language may have at most 20 characters")
        String language,
        @Nullable @Size(max = 300, message = "owner may have at most 300 characters")
        String owner,
        @Nullable @DecimalMin(value = "0", message = "budget must be 0 or more")
        BigDecimal budget,
        @Nullable @Min(value = 1, message = "limit must be between 1 and 50") @Max(value = 50, message = "limit must be between 1 and 50")
        Integer limit) {

    static final int DEFAULT_LIMIT = 10;

    int limitOrDefault() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    PlanDraft toDraft() {
        return new PlanDraft(title.strip(), description, functions, functionCode, language, owner, budget, null);
    }
}
