package org.preconsult.lifecycle.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Life after the decision: {@code preconsult.lifecycle.*}.
 *
 * @param staleAfter an approved plan without a decision or lifecycle update for this long is stale
 *                   (default 180 days); every node measures it with its own clock
 */
@ConfigurationProperties("preconsult.lifecycle")
public record LifecycleSettings(@Bindable(defaultValue = "180d") @NotNull Duration staleAfter) {
}
