package org.preconsult.common.infrastructure;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The node's clock. Secondary, so that a clock registered with the application context (as tests do
 * to move time instead of sleeping) takes its place.
 */
@Factory
class ClockFactory {
    @Singleton
    @Secondary
    Clock clock() {
        return Clock.systemUTC();
    }
}
