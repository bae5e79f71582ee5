package org.preconsult.sync.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.UUID;
import org.preconsult.sync.infrastructure.SyncRepositories.IncarnationRows;
import org.preconsult.sync.infrastructure.SyncRows.IncarnationRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incarnation of this node's database: an id created with the database and replaced whenever
 * its counters may have gone back (an operator starts a restored copy with
 * {@code preconsult.node.restored=true}, or the parent reports that a sequence number of this node
 * came back with other content). Envelopes carry it, so a receiver can tell a reused number from a
 * duplicate and an operator can tell which life of a node sent what.
 *
 * <p>Invariant: exactly one row is current; the id is read once per process and after a renewal.
 */
@Singleton
public class Incarnation {

    private static final Logger LOG = LoggerFactory.getLogger(Incarnation.class);

    private final IncarnationRows rows;
    private final Clock clock;
    private final boolean restored;
    private volatile String current;

    public Incarnation(IncarnationRows rows, Clock clock, @Value("${preconsult.node.restored:false}") boolean restored) {
        this.rows = rows;
        this.clock = clock;
        this.restored = restored;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (restored) {
            renew("started from a restored database (preconsult.node.restored=true)");
        } else {
            current();
        }
    }

    /** The current incarnation id; created with the database on first use. */
    @Transactional
    public String current() {
        var known = current;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (current == null) {
                current = rows.findByCurrent(true).map(IncarnationRow::id)
                        .orElseGet(() -> create("database created"));
            }
            return current;
        }
    }

    /** Starts a new incarnation: numbers taken from now on can never be mistaken for earlier ones. */
    @Transactional
    public synchronized String renew(String reason) {
        rows.retireCurrent();
        current = create(reason);
        LOG.warn("Node database incarnation is now {}: {}", current, reason);
        return current;
    }

    private String create(String reason) {
        String id = UUID.randomUUID().toString();
        rows.save(new IncarnationRow(id, clock.instant(), reason.length() > 300 ? reason.substring(0, 300) : reason, true));
        return id;
    }
}
