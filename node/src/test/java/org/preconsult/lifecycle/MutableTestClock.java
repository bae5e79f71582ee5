package org.preconsult.lifecycle;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A node clock that a test moves forward (only where {@code test.mutable-clock} is set). */
@Factory
@Requires(property = "test.mutable-clock", value = "true")
class MutableTestClock {

    static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2027-01-04T09:00:00Z"));

    @Singleton
    @Replaces(Clock.class)
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
    }
}
