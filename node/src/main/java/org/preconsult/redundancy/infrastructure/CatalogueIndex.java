package org.preconsult.redundancy.infrastructure;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.preconsult.catalogue.model.CatalogueEntry;

/**
 * The Lucene index of the catalogue's candidate entries, derived from the database and never the
 * source of truth.
 *
 * <p>Invariants: an entry that is not a candidate (cancelled, retired, returned, deferred) is absent
 * from the index, and once {@link #apply} returns, every searcher acquired afterwards sees the
 * change. {@link #apply} only writes: the first search after a run of writes refreshes the
 * searchers once ({@link #withSearcher}), and {@link #commitIfChanged} makes the writes durable
 * every second or so. An import of ten thousand entries thus costs one refresh and one commit, not
 * ten thousand of each. A crash loses at most the writes since the last commit, and the next start
 * re-reads them from the database from the committed watermark. The commit user data holds the <em>watermark</em>: every catalogue change with a
 * {@code changeSeq} at or below it is in the index. Change sequences are handed out without gaps
 * (the counter is taken inside the writing transaction), so the watermark only advances over a
 * contiguous run of applied changes; a change that never arrives holds it back and the next start
 * re-reads from there rather than skipping it ({@link Watermark}).
 *
 * <p>A removed entry leaves a <em>tombstone</em>: a document with only its id and change sequence.
 * It has none of the searched fields, so no check can match it, and it lets a late, older change of
 * the same entry be recognised as stale instead of bringing the entry back. {@link EntryDocuments}
 * builds both kinds of document.
 *
 * <p>With more than one search thread, a search runs its slices in parallel: the segments are
 * split into at most that many slices of about equal document counts, and one search's slices run
 * on a pool of daemon threads (the calling thread takes part). A small index stays one slice
 * ({@link SlicedSearcherFactory}).
 */
public final class CatalogueIndex implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueIndex.class);

    // The fields of a document, built by EntryDocuments and read by the search.
    static final String ID = "id";
    static final String OWNER_KEY = "owner_key";
    static final String FUNCTION_CODE = "function_code";
    static final String CHANGE_SEQ = "change_seq";
    static final String TOMBSTONE = "tombstone";
    /** The compact pre-analyzed form the rescoring reads ({@link EntryProfile}), a binary doc value. */
    static final String PROFILE = "profile";
    private static final String WATERMARK = "watermark";
    /**
     * Layout of the documents and the analysis that made their terms (the glossary's fingerprint).
     * An index written with another is discarded at open and rebuilt from the database, since
     * fields cannot change their indexing options in place and old terms would not meet new ones.
     */
    private static final String FORMAT = "format";
    private static final String LAYOUT = "5";
    /** RAM buffer of a bulk load: few flushes and merges, well inside a 1 GB heap. */
    private static final double BULK_RAM_BUFFER_MB = 256;

    private final Directory directory;
    private final TextAnalysis analysis;
    private final String format;
    private final LanguageDetector detector = new LanguageDetector();
    private final EntryDocuments documents;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean existedAtOpen;
    private final double ramBufferMb;
    private final int searchThreads;
    private final ExecutorService searchPool;
    private final Watermark watermark;
    /**
     * Commits an index on disk every second when it changed ({@link #commitIfChanged}); stopped at
     * close. Null for an index in memory, which a commit would not make durable.
     */
    private final ScheduledExecutorService committer;
    /** Change sequence of each entry written since the last refresh, which searchers do not see yet. */
    private final Map<String, Long> unrefreshed = new HashMap<>();
    /** Writes that no searcher sees yet: the next search refreshes first. */
    private volatile boolean dirty;
    /** Writes not yet committed: {@link #commitIfChanged} commits them. */
    private volatile boolean uncommitted;

    private CatalogueIndex(Directory directory, TextAnalysis analysis, double ramBufferMb, int searchThreads) {
        if (searchThreads < 1) {
            throw new IllegalArgumentException("search threads must be at least 1: " + searchThreads);
        }
        this.directory = directory;
        this.analysis = analysis;
        this.format = LAYOUT + "/" + analysis.fingerprint();
        this.documents = new EntryDocuments(analysis, detector);
        this.ramBufferMb = ramBufferMb;
        this.searchThreads = searchThreads;
        this.searchPool = searchThreads > 1 ? Executors.newFixedThreadPool(searchThreads, DaemonThreads.named("catalogue-search-")) : null;
        this.committer = directory instanceof FSDirectory
                ? Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("catalogue-index-commit-")) : null;
        try {
            this.existedAtOpen = DirectoryReader.indexExists(directory)
                    && format.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT));
            var config = new IndexWriterConfig(analysis.indexAnalyzer())
                    .setOpenMode(existedAtOpen ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(ramBufferMb);
            this.writer = new IndexWriter(directory, config);
            Map<String, String> userData = writer.getLiveCommitData() == null ? Map.of() : toMap(writer);
            this.watermark = new Watermark(Long.parseLong(userData.getOrDefault(WATERMARK, "0")));
            this.searchers = new SearcherManager(writer, new SlicedSearcherFactory(searchPool, searchThreads));
            if (committer != null) {
                committer.scheduleWithFixedDelay(this::commitInBackground, 1, 1, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index kept on disk in {@code dir} (created when missing), searched on every available processor. */
    public static CatalogueIndex onDisk(Path dir, TextAnalysis analysis) {
        return onDisk(dir, analysis, Runtime.getRuntime().availableProcessors());
    }

    /** An index kept on disk in {@code dir} (created when missing), one search on up to {@code searchThreads}. */
    public static CatalogueIndex onDisk(Path dir, TextAnalysis analysis, int searchThreads) {
        try {
            Files.createDirectories(dir);
            return new CatalogueIndex(FSDirectory.open(dir), analysis, 64, searchThreads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index in memory, for tests and the evaluation tools, searched on every available processor. */
    public static CatalogueIndex inMemory(TextAnalysis analysis) {
        return inMemory(analysis, Runtime.getRuntime().availableProcessors());
    }

    /** An index in memory, one search on up to {@code searchThreads}. */
    public static CatalogueIndex inMemory(TextAnalysis analysis, int searchThreads) {
        return new CatalogueIndex(new ByteBuffersDirectory(), analysis, 32, searchThreads);
    }

    /** Threads one search may run on. */
    public int searchThreads() {
        return searchThreads;
    }

    /** Documents of each segment of the current searcher, for diagnostics. */
    public List<Integer> segmentSizes() {
        return withSearcher(s -> s.getIndexReader().leaves().stream().map(c -> c.reader().maxDoc()).toList());
    }

    /** Documents of each slice one search is split into, for diagnostics. */
    public List<Integer> sliceSizes() {
        return withSearcher(s -> Arrays.stream(s.getSlices())
                .map(slice -> Arrays.stream(slice.leaves).mapToInt(c -> c.reader().maxDoc()).sum())
                .toList());
    }

    TextAnalysis analysis() {
        return analysis;
    }

    LanguageDetector detector() {
        return detector;
    }

    /** False when the index was created empty at open: it must be rebuilt from the database. */
    public boolean existedAtOpen() {
        return existedAtOpen;
    }

    /**
     * Every change with a sequence at or below this is in the index and visible to checks. Read
     * under the lock on purpose: {@link #apply} advances the watermark before its commit and
     * searcher refresh, so a lock-free read could report a change that checks cannot see yet.
     */
    public synchronized long watermark() {
        return watermark.value();
    }

    /**
     * Applies one catalogue change: adds or replaces a candidate entry, deletes any other, then
     * commits (with the advanced watermark) and refreshes the searchers before returning. A change
     * older than the one already indexed for the entry is ignored, so replays and out-of-order
     * deliveries cannot resurrect a retired entry.
     */
    public synchronized void apply(CatalogueEntry entry, long changeSeq) {
        try {
            Long indexed = unrefreshed.containsKey(entry.id()) ? unrefreshed.get(entry.id()) : indexedChangeSeq(entry.id());
            if (indexed == null || indexed <= changeSeq) {
                write(entry, changeSeq);
                unrefreshed.put(entry.id(), changeSeq);
            }
            watermark.applied(changeSeq);
            uncommitted = true;
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commitInBackground() {
        try {
            commitIfChanged();
        } catch (RuntimeException e) {
            LOG.warn("Catalogue index commit failed; the next start re-reads the changes since the last commit", e);
        }
    }

    /**
     * Commits what was written since the last commit, with the watermark; a node calls it every
     * second or so and at close. Until then the writes live in the writer: searches see them, and a
     * crash leaves the index at the previous commit, from whose watermark the next start re-reads.
     */
    public synchronized void commitIfChanged() {
        if (!uncommitted) {
            return;
        }
        try {
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies entries read from the database in change order and commits. The rows carry the latest
     * state of every entry changed up to the last sequence, so the watermark moves at least there.
     * With {@code refresh} false, checks keep seeing the previous content (a rebuild in progress).
     */
    public synchronized void applyRows(List<CatalogueEntry> entries, List<Long> changeSeqs, boolean refresh) {
        try {
            for (int i = 0; i < entries.size(); i++) {
                write(entries.get(i), changeSeqs.get(i));
                unrefreshed.put(entries.get(i).id(), changeSeqs.get(i));
            }
            if (!changeSeqs.isEmpty()) {
                watermark.raiseTo(changeSeqs.get(changeSeqs.size() - 1));
            }
            commit();
            if (refresh) {
                refreshNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything written so far visible to checks. */
    public synchronized void refresh() {
        try {
            refreshNow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refreshes the searchers; afterwards every write so far is visible. Called holding the lock. */
    private void refreshNow() throws IOException {
        searchers.maybeRefreshBlocking();
        unrefreshed.clear();
        dirty = false;
    }

    /**
     * Prepares a bulk load into an empty index (a fresh one, or after {@link #clearForRebuild}): a
     * large RAM buffer, so that a million entries make a few segments instead of hundreds of small
     * flushes and their merges. {@link #finishBulkLoad} restores the everyday buffer.
     */
    public void startBulkLoad() {
        writer.getConfig().setRAMBufferSizeMB(BULK_RAM_BUFFER_MB);
    }

    /**
     * Adds entries without commit or refresh, from any number of threads: the fast path of a bulk
     * load into an empty index. A non-candidate entry becomes a tombstone, as in {@link #apply}.
     * Each entry must come once (the database's latest state of each); call {@link #finishBulkLoad}
     * afterwards.
     */
    public void addForBulkLoad(CatalogueEntry entry, long changeSeq) {
        try {
            writer.addDocument(documents.of(entry, changeSeq));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a buffer of added entries to disk in the calling thread. Each thread of a multi-threaded
     * bulk load calls it once it has added its share: the buffers are then flushed in parallel,
     * instead of one after another by the commit of {@link #finishBulkLoad}.
     */
    public void flushForBulkLoad() {
        try {
            writer.flushNextBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Ends a bulk load: the watermark becomes {@code highestChangeSeq}, then one commit and one
     * refresh; checks see the new content from here on.
     */
    public synchronized void finishBulkLoad(long highestChangeSeq) {
        try {
            writer.getConfig().setRAMBufferSizeMB(ramBufferMb);
            watermark.raiseTo(highestChangeSeq);
            commit();
            refreshNow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Empties the index and resets the watermark, for a rebuild through {@link #startBulkLoad},
     * {@link #addForBulkLoad} and {@link #finishBulkLoad}; searchers keep seeing the old content
     * until the rebuild finishes.
     */
    public synchronized void clearForRebuild() {
        try {
            // Pending writes become visible now, so that no search refreshes into the half-built index.
            refreshNow();
            writer.deleteAll();
            watermark.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges segments down to {@code maxSegments}, for read-mostly indexes after a bulk load. */
    public void forceMerge(int maxSegments) {
        try {
            synchronized (this) {
                writer.forceMerge(maxSegments);
                commit();
                refreshNow();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of entries a check can currently see (tombstones not counted). */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs() - s.count(new TermQuery(new Term(TOMBSTONE, "T"))));
    }

    /** Runs a function with a current searcher (refreshed first if writes are pending), released afterwards. */
    public <T> T withSearcher(SearchFunction<T> function) {
        if (dirty) {
            refresh();
        }
        return withCurrentSearcher(function);
    }

    /** Runs a function with the searcher as it is, without refreshing. */
    private <T> T withCurrentSearcher(SearchFunction<T> function) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return function.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A function over a searcher that may fail with an I/O error. */
    @FunctionalInterface
    public interface SearchFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    @Override
    public synchronized void close() {
        if (committer != null) {
            committer.shutdownNow();
        }
        try {
            commitIfChanged();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (searchPool != null) {
                searchPool.shutdown();
            }
        }
    }

    private void write(CatalogueEntry entry, long changeSeq) throws IOException {
        writer.updateDocument(new Term(ID, entry.id()), documents.of(entry, changeSeq));
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(Map.of(WATERMARK, Long.toString(watermark.value()), FORMAT, format).entrySet());
        writer.commit();
        uncommitted = false;
    }

    private Long indexedChangeSeq(String entryId) throws IOException {
        return withCurrentSearcher(s -> {
            TopDocs hits = s.search(new TermQuery(new Term(ID, entryId)), 1);
            if (hits.scoreDocs.length == 0) {
                return null;
            }
            return s.storedFields().document(hits.scoreDocs[0].doc).getField(CHANGE_SEQ).numericValue().longValue();
        });
    }

    private static Map<String, String> toMap(IndexWriter writer) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        writer.getLiveCommitData().forEach(entries::add);
        return Map.ofEntries(entries.toArray(Map.Entry[]::new));
    }
}
