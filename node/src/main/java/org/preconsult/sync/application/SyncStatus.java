package org.preconsult.sync.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.preconsult.sync.infrastructure.SyncRepositories.StatusRows;
import org.preconsult.sync.infrastructure.SyncRows.StatusRow;

/**
 * The state of the link to the parent as /health reports it: the last successful exchange in each
 * direction (durable) and whether the last attempt reached the parent (in memory).
 */
@Singleton
public class SyncStatus {

    /** Direction of an exchange with the parent. */
    public enum Direction { UP, DOWN }

    private final StatusRows rows;
    private final Clock clock;
    private final Map<Direction, String> lastErrors = new ConcurrentHashMap<>();
    private final Map<Direction, Instant> lastSuccess = new ConcurrentHashMap<>();

    public SyncStatus(StatusRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Transactional
    public void succeeded(Direction direction) {
        var now = clock.instant();
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

    public void failed(Direction direction, String error) {
        lastErrors.put(direction, error);
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
