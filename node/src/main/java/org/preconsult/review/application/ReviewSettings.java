package org.preconsult.review.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Service levels of review: {@code preconsult.review.*}.
 *
 * @param due          time from submission to decision (default 30 days, as the practice sets it)
 * @param disasterDue  the same for plans flagged disaster or safety (default 10 days)
 */
@ConfigurationProperties("preconsult.review")
public record ReviewSettings(
        @Bindable(defaultValue = "30d") @NotNull Duration due,
        @Bindable(defaultValue = "10d") @NotNull Duration disasterDue) {

    public Duration dueFor(boolean disasterOrSafety) {
        return disasterOrSafety ? disasterDue : due;
    }
}
