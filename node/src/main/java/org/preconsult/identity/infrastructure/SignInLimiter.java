package org.preconsult.identity.infrastructure;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits failed sign-ins per user name and per client address over a sliding window, so that
 * passwords cannot be guessed at the speed of the network. While a key is over its limit every
 * attempt is refused before the password is checked (and before the hash is computed), with the
 * time to wait. A successful sign-in clears the user's count, not the address's.
 *
 * <p>Counts are kept in memory: a restart forgets them, which costs an attacker a restart of the
 * node, not a way around the limit. At most {@link #MAX_KEYS} keys are kept; the least recently
 * used are dropped first.
 */
@Singleton
class SignInLimiter {

    static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    SignInLimiter(Clock clock,
                  @Value("${preconsult.sign-in.max-failures-per-user:5}") int perUser,
                  @Value("${preconsult.sign-in.max-failures-per-address:20}") int perAddress,
                  @Value("${preconsult.sign-in.window:15m}") Duration window) {
        this.clock = clock;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** How long to wait before the next attempt, when the user or the address is over its limit. */
    synchronized Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> user = over("user:" + username, perUser, now);
        return user.isPresent() ? user : over("address:" + address, perAddress, now);
    }

    synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        failures.computeIfAbsent("user:" + username, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("address:" + address, k -> new ArrayDeque<>()).addLast(now);
    }

    synchronized void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private Optional<Duration> over(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.removeFirst();
        }
        if (times.size() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
    }
}
