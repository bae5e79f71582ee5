package org.preconsult.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.redundancy.application.CheckingRedundancy;
import org.preconsult.redundancy.application.RedundancyProperties;
import org.preconsult.redundancy.infrastructure.CatalogueIndex;
import org.preconsult.redundancy.infrastructure.LuceneCandidateSearch;
import org.preconsult.redundancy.infrastructure.TextAnalysis;
import org.preconsult.redundancy.model.PlanDraft;

/**
 * Measures index build rate, check latency and heap on generated catalogues of growing size.
 *
 * <p>Entries are the dev catalogue plus generated ones: names and descriptions are walks of a
 * word-bigram model of the dev catalogue's names and descriptions (seeded, so every run builds the
 * same catalogue), owners and kinds drawn from the dev catalogue. Queries are the dev set's 60
 * plans. The engine (full check: pruned query, rescoring, rules) is compared with its first stage
 * alone and with a bare Lucene BM25 query of all the plan's terms over the same index's name and
 * name + description fields, top 10, nothing else. Since the dev catalogue is part of every
 * generated catalogue, the dev labels also give nDCG@10 and recall@5 at each size.
 *
 * <p>Settings as for {@link RedundancyEvaluation}: {@code -Dpreconsult.redundancy.<name>=...}.
 *
 * <p>Arguments: sizes, comma-separated (default {@code 10000,100000,1000000}); {@code --threads=N}
 * indexing threads (default 2); {@code --rounds=N} timed rounds over the queries (default 5);
 * {@code --language=fr} declares the generated entries French (default {@code en}), so that every
 * word of them passes the glossary: its cost on a catalogue that is not English.
 */
public final class RedundancySpeedBenchmark {

    /** Entries one indexing thread adds between two rounds of text generation. */
    private static final int BATCH = 10_000;
    private static final int WARM_UP_ENTRIES = 20_000;
    private static final int WARM_UP_ROUNDS = 4;

    private RedundancySpeedBenchmark() {
    }

    /** One size's figures. */
    record Result(int entries, double buildSeconds, double entriesPerSecond, double engineP50, double engineP99,
                  double firstStageP50, double firstStageP99, double bareP50, double bareP99, long heapAfterBuildMb,
                  long heapAfterGcMaxMb, long heapPeakMb, long indexMb, double ndcg10, double recall5) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
        int threads = 2;
        int rounds = 5;
        String language = "en";
        RedundancyProperties properties = RedundancyEvaluation.propertiesFromSystem();
        for (String a : args) {
            if (a.startsWith("--threads=")) {
                threads = Integer.parseInt(a.substring(10));
            } else if (a.startsWith("--rounds=")) {
                rounds = Integer.parseInt(a.substring(9));
            } else if (a.startsWith("--language=")) {
                language = a.substring(11);
            } else {
                sizes = Stream.of(a.split(",")).map(s -> Integer.parseInt(s.replace("_", ""))).toList();
            }
        }
        DevSet dev = DevSet.load(DevSet.devDir());
        System.out.printf(Locale.ROOT, "JVM max heap %d MB, %d processors, %d indexing threads%n",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), threads);
        warmUp(dev, threads, language);
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            Result r = run(dev, size, threads, rounds, properties, language);
            results.add(r);
            System.out.printf(Locale.ROOT, "%,d entries done: %.0f entries/s, engine p99 %.1f ms, bare p99 %.1f ms%n",
                    size, r.entriesPerSecond(), r.engineP99(), r.bareP99());
        }
        print(results);
    }

    static Result run(DevSet dev, int size, int threads, int rounds, RedundancyProperties p, String language)
            throws Exception {
        Path dir = Files.createTempDirectory("preconsult-speed-");
        resetPeakHeap();
        HEAP_AFTER_GC_MAX.set(0);
        Generator generator = new Generator(dev.catalogue(), 42, language);
        try (CatalogueIndex index = CatalogueIndex.onDisk(dir, new TextAnalysis(), p.effectiveSearchThreads())) {
            BuildTimes build = bulkLoad(index, dev, generator, size, threads);
            System.out.printf(Locale.ROOT, "%,d entries: indexed in %.1f s (%.1f s generating text, not counted), committed in"
                    + " %.1f s; segments %s, slices %s, %d search threads%n", size, build.indexSeconds(),
                    build.generateSeconds(), build.commitSeconds(), index.segmentSizes(), index.sliceSizes(),
                    index.searchThreads());
            double seconds = build.indexSeconds() + build.commitSeconds();
            System.gc();
            long heapAfterBuild = usedHeap();

            var search = new LuceneCandidateSearch(index, LuceneCandidateSearch.Tuning.from(p));
            var engine = new CheckingRedundancy(search, p);
            QueryBuilder builder = new QueryBuilder(new TextAnalysis().indexAnalyzer());
            List<Query> bare = dev.queries().stream().map(q -> bareQuery(builder, q.plan())).toList();
            List<LuceneCandidateSearch.FirstStage> firstStage = dev.queries().stream()
                    .map(q -> search.firstStageQueries(q.plan(), 10)).toList();

            double[] engineMs = time(dev.queries().size(), rounds, i -> engine.check(dev.queries().get(i).plan(), 10));
            double[] firstMs = time(dev.queries().size(), rounds,
                    i -> index.withSearcher(s -> search.candidates(s, firstStage.get(i))));
            double[] bareMs = time(dev.queries().size(), rounds, i -> index.withSearcher(s -> s.search(bare.get(i), 10)));
            // Ranking at this size: the dev catalogue is part of every generated catalogue, so the dev
            // labels still hold, now among the generated look-alikes.
            double ndcg = 0;
            double recall5 = 0;
            int positives = 0;
            for (DevSet.Query q : dev.queries()) {
                if (q.positive()) {
                    List<String> ranked = engine.check(q.plan(), 10).matches().stream().map(m -> m.entryId()).toList();
                    ndcg += RankingMetrics.ndcg10(ranked, q.relevant());
                    recall5 += RankingMetrics.bestGradeWithin(ranked, q.relevant(), 5) ? 1 : 0;
                    positives++;
                }
            }
            return new Result(size, seconds, size / seconds,
                    RankingMetrics.percentile(engineMs, 0.5), RankingMetrics.percentile(engineMs, 0.99),
                    RankingMetrics.percentile(firstMs, 0.5), RankingMetrics.percentile(firstMs, 0.99),
                    RankingMetrics.percentile(bareMs, 0.5), RankingMetrics.percentile(bareMs, 0.99),
                    heapAfterBuild >> 20, HEAP_AFTER_GC_MAX.get() >> 20, peakHeap() >> 20, directorySize(dir) >> 20,
                    ndcg / positives, recall5 / positives);
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * The bare BM25 query: every term of the plan's title and description, unweighted and unpruned,
     * as a SHOULD clause on the same index's name field ({@code title_keys}) and on its name +
     * description field ({@code keys}), analyzed by the index's own chain. Like the quality
     * evaluation's baseline, but over the engine's index, so both read the same postings.
     */
    static Query bareQuery(QueryBuilder builder, PlanDraft plan) {
        String text = (plan.title() == null ? "" : plan.title()) + " " + (plan.description() == null ? "" : plan.description());
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String field : new String[] {TextAnalysis.TITLE_KEYS, TextAnalysis.KEYS}) {
            Query part = builder.createBooleanQuery(field, text);
            if (part != null) {
                q.add(part, BooleanClause.Occur.SHOULD);
            }
        }
        return q.build();
    }

    /**
     * Builds throwaway indexes of 20,000 entries, untimed, until the JIT has compiled the indexing
     * path: otherwise the first size measured pays for it (a cold build of 10,000 entries takes about
     * three times as long as a warm one).
     */
    private static void warmUp(DevSet dev, int threads, String language) throws Exception {
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            Path dir = Files.createTempDirectory("preconsult-warm-up-");
            try (CatalogueIndex index = CatalogueIndex.onDisk(dir, new TextAnalysis())) {
                BuildTimes t = bulkLoad(index, dev, new Generator(dev.catalogue(), 7, language), WARM_UP_ENTRIES, threads);
                System.out.printf(Locale.ROOT, "warm-up %d: %,d entries indexed in %.1f s (not reported)%n", round,
                        WARM_UP_ENTRIES, t.indexSeconds() + t.commitSeconds());
            } finally {
                deleteRecursively(dir);
            }
        }
    }

    /** Time spent indexing (adding and flushing), committing, and generating the texts (not part of the build). */
    record BuildTimes(double indexSeconds, double commitSeconds, double generateSeconds) {
    }

    /**
     * The bulk load a node's rebuild does, on {@code threads} threads: batches of entries are
     * generated first (untimed: producing synthetic text is not part of building the index), then
     * added by every thread at once; each thread's buffer is flushed at the end, then one commit.
     */
    static BuildTimes bulkLoad(CatalogueIndex index, DevSet dev, Generator generator, int size, int threads)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long indexing = 0;
            long generating = 0;
            index.startBulkLoad();
            int batchSize = Math.min(BATCH, (size + threads - 1) / threads);
            for (int from = 0; from < size; from += batchSize * threads) {
                List<Callable<List<CatalogueEntry>>> generate = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = Math.min(size, from + t * batchSize);
                    int last = Math.min(size, first + batchSize);
                    generate.add(() -> {
                        List<CatalogueEntry> batch = new ArrayList<>(Math.max(0, last - first));
                        for (int i = first; i < last; i++) {
                            batch.add(i < dev.catalogue().size() ? dev.catalogue().get(i) : generator.entry(i));
                        }
                        return batch;
                    });
                }
                long t0 = System.nanoTime();
                List<Future<List<CatalogueEntry>>> batches = pool.invokeAll(generate);
                List<Callable<Void>> add = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<CatalogueEntry> batch = batches.get(t).get();
                    long firstSeq = Math.min(size, from + (long) t * batchSize) + 1;
                    add.add(() -> {
                        for (int i = 0; i < batch.size(); i++) {
                            index.addForBulkLoad(batch.get(i), firstSeq + i);
                        }
                        return null;
                    });
                }
                long t1 = System.nanoTime();
                for (Future<Void> f : pool.invokeAll(add)) {
                    f.get();
                }
                generating += t1 - t0;
                indexing += System.nanoTime() - t1;
            }
            long t2 = System.nanoTime();
            List<Callable<Void>> flush = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                flush.add(() -> {
                    index.flushForBulkLoad();
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(flush)) {
                f.get();
            }
            long t3 = System.nanoTime();
            index.finishBulkLoad(size);
            long t4 = System.nanoTime();
            return new BuildTimes((indexing + t3 - t2) / 1e9, (t4 - t3) / 1e9, generating / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private interface Call {
        void run(int query) throws Exception;
    }

    /** Three untimed rounds to warm the JIT and caches, then {@code rounds} timed ones. */
    private static double[] time(int queries, int rounds, Call call) throws Exception {
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < queries; i++) {
                call.run(i);
            }
        }
        double[] ms = new double[queries * rounds];
        int n = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < queries; i++) {
                long t = System.nanoTime();
                call.run(i);
                ms[n++] = (System.nanoTime() - t) / 1e6;
            }
        }
        return ms;
    }

    private static void print(List<Result> results) {
        System.out.println();
        System.out.println("| entries | build (s) | build rate (entries/s) | engine p50 / p99 (ms) | first stage alone p50 / p99 (ms) "
                + "| bare BM25 p50 / p99 (ms) | engine / bare p50 | engine / bare p99 | heap after build / max after a GC / pool peaks (MB) | index on disk (MB) "
                + "| nDCG@10 / recall@5 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %,d | %.1f | %,.0f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.2f× | %.2f× | %d / %d / %d | %d | %.3f / %.3f |%n",
                    r.entries(), r.buildSeconds(), r.entriesPerSecond(), r.engineP50(), r.engineP99(), r.firstStageP50(),
                    r.firstStageP99(), r.bareP50(), r.bareP99(), r.engineP50() / r.bareP50(), r.engineP99() / r.bareP99(),
                    r.heapAfterBuildMb(), r.heapAfterGcMaxMb(), r.heapPeakMb(), r.indexMb(), r.ndcg10(), r.recall5());
        }
    }

    // ---- generated catalogue ------------------------------------------------------------------

    /** Word-bigram walks over the dev catalogue's names and descriptions; deterministic per entry number. */
    static final class Generator {
        private final Bigrams names;
        private final Bigrams descriptions;
        private final List<String> owners;
        private final long seed;
        private final String language;

        Generator(List<CatalogueEntry> corpus, long seed, String language) {
            this.seed = seed;
            this.language = language;
            this.names = new Bigrams(corpus.stream().map(CatalogueEntry::name).toList());
            this.descriptions = new Bigrams(corpus.stream().map(CatalogueEntry::description).toList());
            this.owners = corpus.stream().map(CatalogueEntry::owner).filter(o -> o != null).distinct()
                    .sorted(Comparator.naturalOrder()).toList();
        }

        CatalogueEntry entry(long i) {
            Random random = new Random(seed * 1_000_003L + i);
            EntryKind kind = random.nextInt(3) == 0 ? EntryKind.PLAN : EntryKind.EXISTING_SYSTEM;
            String owner = owners.get(random.nextInt(owners.size()));
            return new CatalogueEntry("gen:" + i, kind, owner, names.walk(random, 2, 8),
                    descriptions.walk(random, 12, 60), List.of(), null, language, EntryStatus.ACTIVE, null, null, 1,
                    Instant.EPOCH);
        }
    }

    /** Successor lists of every word; sentence starts as the successors of "". */
    static final class Bigrams {
        private final Map<String, List<String>> next = new HashMap<>();

        Bigrams(List<String> texts) {
            for (String text : texts) {
                String previous = "";
                for (String word : text.split("\\s+")) {
                    if (word.isEmpty()) {
                        continue;
                    }
                    next.computeIfAbsent(previous, k -> new ArrayList<>()).add(word);
                    previous = word;
                }
            }
        }

        String walk(Random random, int minWords, int maxWords) {
            int words = minWords + random.nextInt(maxWords - minWords + 1);
            StringBuilder b = new StringBuilder();
            String word = "";
            for (int i = 0; i < words; i++) {
                List<String> options = next.get(word);
                if (options == null) {
                    options = next.get("");
                }
                word = options.get(random.nextInt(options.size()));
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(word);
            }
            return b.toString();
        }
    }

    // ---- measurement helpers ------------------------------------------------------------------

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * The most heap in use right after any garbage collection since the last reset: an upper bound
     * of the live data, since a young collection leaves old-generation garbage in place; it includes
     * the benchmark's own batches of generated entries.
     */
    private static final AtomicLong HEAP_AFTER_GC_MAX = watchHeapAfterGc();

    private static AtomicLong watchHeapAfterGc() {
        AtomicLong max = new AtomicLong();
        List<String> heapPools = heapPools().stream().map(MemoryPoolMXBean::getName).toList();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    max.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return max;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeakHeap() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the reset: an upper bound of the heap in use at any time. */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
