package org.preconsult.sync.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.preconsult.sync.infrastructure.SyncRepositories.StatusRows;
import org.preconsult.sync.infrastructure.SyncRows.StatusRow;

/**
 * The state of the link to the parent as /health reports it: the last successful exchange in each
 * direction (durable), the last error in each direction, and the last reconciliation. A failure is
 * logged at WARN once when the link goes from working to failing (or the cause changes), with its
 * cause and the next retry; the recovery is logged once at INFO.
 */
@Singleton
public class SyncStatus {

    /** Direction of an exchange with the parent. */
    public enum Direction { UP, DOWN }

    private static final Logger LOG = LoggerFactory.getLogger(SyncStatus.class);

    private final StatusRows rows;
    private final Clock clock;
    private final Map<Direction, String> lastErrors = new ConcurrentHashMap<>();
    private final Map<Direction, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Map<Direction, Instant> failingSince = new ConcurrentHashMap<>();
    private final Map<Direction, Instant> lastErrorAt = new ConcurrentHashMap<>();
    private volatile boolean upRecovered;
    private volatile Instant lastReconciled;

    public SyncStatus(StatusRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Transactional
    public void succeeded(Direction direction) {
        var now = clock.instant();
        var since = failingSince.remove(direction);
        if (since != null) {
            LOG.info("{} link to the parent works again (failing since {}, last error: {})", direction, since, lastErrors.get(direction));
            if (direction == Direction.UP) {
                upRecovered = true;
            }
        }
        lastErrors.remove(direction);
        var previous = lastSuccess.put(direction, now);
        // Write through at most once a second: health needs the time, not every beat of it.
        if (previous == null || now.isAfter(previous.plusSeconds(1))) {
            var row = new StatusRow(direction.name(), now, null);
            if (rows.existsById(direction.name())) {
                rows.update(row);
            } else {
                rows.save(row);
            }
        }
    }

    /** Records a failed attempt; logs it when the link was working or the cause changed. */
    public void failed(Direction direction, String what, String cause, Duration nextRetry) {
        var now = clock.instant();
        var previous = lastErrors.put(direction, cause);
        lastErrorAt.put(direction, now);
        boolean wasWorking = failingSince.putIfAbsent(direction, now) == null;
        if (wasWorking || !sameKind(previous, cause)) {
            LOG.warn("{}: {}; retrying in {} ms, and with growing waits until it works", what, cause, nextRetry.toMillis());
        }
    }

    /** Two errors of the same kind: the same text up to the first colon (the status code or exception). */
    private static boolean sameKind(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        int ia = a.indexOf(':');
        int ib = b.indexOf(':');
        return (ia < 0 ? a : a.substring(0, ia)).equals(ib < 0 ? b : b.substring(0, ib));
    }

    /** True once after the upward link recovered from failures: time to reconcile. */
    public boolean upRecovered() {
        if (upRecovered) {
            upRecovered = false;
            return true;
        }
        return false;
    }

    public void reconciled(Instant at) {
        lastReconciled = at;
    }

    public Optional<Instant> lastReconciled() {
        return Optional.ofNullable(lastReconciled);
    }

    public Optional<Instant> lastErrorAt(Direction direction) {
        return Optional.ofNullable(lastErrorAt.get(direction));
    }

    public Optional<Instant> failingSince(Direction direction) {
        return Optional.ofNullable(failingSince.get(direction));
    }

    public Optional<String> lastError(Direction direction) {
        return Optional.ofNullable(lastErrors.get(direction));
    }

    @Transactional(readOnly = true)
    public Optional<Instant> lastSuccess(Direction direction) {
        var inMemory = lastSuccess.get(direction);
        if (inMemory != null) {
            return Optional.of(inMemory);
        }
        return rows.findById(direction.name()).map(StatusRow::lastSuccessAt);
    }
}
