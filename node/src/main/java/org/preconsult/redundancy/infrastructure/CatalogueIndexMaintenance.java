package org.preconsult.redundancy.infrastructure;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.model.Pageable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.application.CatalogueChanged;
import org.preconsult.catalogue.infrastructure.CatalogueEntryRow;
import org.preconsult.catalogue.infrastructure.CatalogueEntryRows;
import org.preconsult.catalogue.infrastructure.CatalogueRowMapper;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.redundancy.application.IndexFreshness;
import org.preconsult.redundancy.application.IndexRebuilding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the catalogue index equal to the {@code catalogue_entry} table.
 *
 * <ul>
 *   <li>At start: rebuilds a missing index, else catches up with every change above the watermark,
 *   which covers a crash between a database commit and the index update.</li>
 *   <li>On every committed {@link CatalogueChanged}: applies it before the listener returns, so a
 *   retired or cancelled entry leaves the very next check.</li>
 *   <li>Before a check ({@link #catchUpWithCommitted}): applies any change another thread committed
 *   but has not applied yet, so that a plan arriving just after an entry is checked against it.</li>
 *   <li>{@link #rebuild()} on demand, for an operator.</li>
 * </ul>
 *
 * <p>Catalogue changes take their sequence from the {@code catalogue} counter, whose row lock orders
 * commits: the committed changes are always those up to the counter's committed value, so reading
 * the rows above the watermark never skips one still in flight.
 */
@Singleton
public class CatalogueIndexMaintenance implements IndexRebuilding, IndexFreshness {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueIndexMaintenance.class);
    private static final int PAGE = 1_000;

    private final CatalogueIndex index;
    private final CatalogueEntryRows rows;
    private final Counters counters;
    private volatile boolean rebuilding;

    public CatalogueIndexMaintenance(CatalogueIndex index, CatalogueEntryRows rows, Counters counters) {
        this.index = index;
        this.rows = rows;
        this.counters = counters;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (index.existedAtOpen()) {
            int applied = catchUp();
            LOG.info("Catalogue index caught up: {} changes applied, watermark {}", applied, index.watermark());
        } else {
            rebuild();
        }
    }

    /**
     * Applies a change once its transaction committed; a rolled-back write never reaches the index.
     * Runs in the publishing thread, so the writer's call returns only when checks see the change.
     */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCatalogueChanged(CatalogueChanged change) {
        index.apply(change.entry(), change.changeSeq());
    }

    /**
     * Rebuilds the index from the database as one bulk load: no commit until every row is in, then
     * a single commit and refresh, so checks see the old index until the new one is complete.
     * Catalogue changes committed meanwhile wait for the rebuild and are applied after it. Pages are
     * read here and indexed on one thread per processor into the shared writer (at most two pages
     * per thread wait in memory); each thread ends by flushing a buffer, so the buffers reach disk in
     * parallel.
     */
    @Override
    public Rebuilt rebuild() {
        synchronized (index) {
            rebuilding = true;
            try {
                return bulkLoad();
            } finally {
                rebuilding = false;
            }
        }
    }

    private Rebuilt bulkLoad() {
        long start = System.nanoTime();
        index.clearForRebuild();
        index.startBulkLoad();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService workers = Executors.newFixedThreadPool(threads, DaemonThreads.named("catalogue-index-build-"));
        try {
            Semaphore pagesInFlight = new Semaphore(2 * threads);
            List<Future<?>> pending = new ArrayList<>();
            int read = 0;
            long last = 0;
            while (true) {
                List<CatalogueEntryRow> page = rows.findByChangeSeqGreaterThanOrderByChangeSeq(last, Pageable.from(0, PAGE));
                if (!page.isEmpty()) {
                    last = page.get(page.size() - 1).changeSeq();
                    pagesInFlight.acquire();
                    pending.add(workers.submit(() -> {
                        try {
                            for (CatalogueEntryRow row : page) {
                                index.addForBulkLoad(CatalogueRowMapper.toEntry(row), row.changeSeq());
                            }
                        } finally {
                            pagesInFlight.release();
                        }
                    }));
                    awaitDone(pending, false);
                }
                read += page.size();
                if (page.size() < PAGE) {
                    break;
                }
            }
            awaitDone(pending, true);
            for (int t = 0; t < threads; t++) {
                pending.add(workers.submit(index::flushForBulkLoad));
            }
            awaitDone(pending, true);
            index.finishBulkLoad(last);
            Rebuilt rebuilt = new Rebuilt(read, index.size(), Duration.ofNanos(System.nanoTime() - start));
            LOG.info("Catalogue index rebuilt: {} rows read, {} entries indexed in {} ms on {} threads, watermark {}",
                    rebuilt.entriesRead(), rebuilt.entriesIndexed(), rebuilt.duration().toMillis(), threads,
                    index.watermark());
            return rebuilt;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("catalogue index rebuild interrupted", e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Removes finished tasks (all of them, waiting, when {@code all}), rethrowing the first failure. */
    private static void awaitDone(List<Future<?>> tasks, boolean all) throws InterruptedException {
        var it = tasks.iterator();
        while (it.hasNext()) {
            Future<?> task = it.next();
            if (!all && !task.isDone()) {
                continue;
            }
            try {
                task.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause);
            }
            it.remove();
        }
    }

    /**
     * One read of the committed counter when the index is current (the usual case); the missing
     * changes are read and applied only when a committing thread has not applied its change yet.
     */
    @Override
    @Transactional(readOnly = true)
    public void catchUpWithCommitted() {
        if (rebuilding) {
            return;
        }
        long committed = counters.current(Catalogue.CHANGE_COUNTER);
        if (index.watermark() >= committed) {
            return;
        }
        synchronized (index) {
            if (index.watermark() < committed) {
                readChangesAfter(index.watermark());
            }
        }
    }

    /** Applies every change above the watermark, in change order. */
    public int catchUp() {
        synchronized (index) {
            return readChangesAfter(index.watermark());
        }
    }

    private int readChangesAfter(long from) {
        int applied = 0;
        long after = from;
        while (true) {
            List<CatalogueEntryRow> page = rows.findByChangeSeqGreaterThanOrderByChangeSeq(after, Pageable.from(0, PAGE));
            List<CatalogueEntry> entries = new ArrayList<>(page.size());
            List<Long> seqs = new ArrayList<>(page.size());
            for (CatalogueEntryRow row : page) {
                entries.add(CatalogueRowMapper.toEntry(row));
                seqs.add(row.changeSeq());
            }
            // Commits even an empty page, so that a fresh index exists on disk after the first start.
            index.applyRows(entries, seqs, true);
            if (page.size() < PAGE) {
                return applied + page.size();
            }
            applied += page.size();
            after = seqs.get(seqs.size() - 1);
        }
    }
}
