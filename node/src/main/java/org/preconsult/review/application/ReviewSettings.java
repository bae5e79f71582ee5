package org.preconsult.review.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import org.preconsult.review.model.Routing;

/**
 * How review works at this node: {@code preconsult.review.*}.
 *
 * @param due              time from submission to decision (default 30 days, as the practice sets it)
 * @param disasterDue      the same for plans flagged disaster or safety (default 10 days)
 * @param centralThreshold at a provincial node: a plan of the subtree with a budget above this goes
 *                         up to central; at or below it the province decides (default 50,000,000)
 * @param alwaysForward    categories a provincial node always forwards, whatever the budget
 *                         (default STANDARD_SYSTEM_OVERLAP)
 * @param conditionDue     default time to fulfil a condition when the reviewer gives no date (90 days)
 */
@ConfigurationProperties("preconsult.review")
public record ReviewSettings(
        @Bindable(defaultValue = "30d") @NotNull Duration due,
        @Bindable(defaultValue = "10d") @NotNull Duration disasterDue,
        @Bindable(defaultValue = "50000000") @NotNull @PositiveOrZero BigDecimal centralThreshold,
        @Bindable(defaultValue = "STANDARD_SYSTEM_OVERLAP") @NotNull Set<Routing.AlwaysForward> alwaysForward,
        @Bindable(defaultValue = "90d") @NotNull Duration conditionDue) {

    public Duration dueFor(boolean disasterOrSafety) {
        return disasterOrSafety ? disasterDue : due;
    }
}
