package org.preconsult.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.common.model.Outcome;
import org.preconsult.redundancy.application.CheckingRedundancy;
import org.preconsult.redundancy.application.RedundancyProperties;
import org.preconsult.redundancy.infrastructure.CatalogueIndex;
import org.preconsult.redundancy.infrastructure.LuceneCandidateSearch;
import org.preconsult.redundancy.infrastructure.TextAnalysis;
import org.preconsult.redundancy.model.CheckResult;
import org.preconsult.redundancy.model.Match;

/**
 * Measures the redundancy check on the dev set, next to a plain BM25 baseline.
 *
 * <p>Run from the repository root or a module directory; the dev set is found under
 * {@code preconsult.shared.dir} (default {@code ../shared}). Pass {@code -v} to print every query.
 */
public final class RedundancyEvaluation {

    /** The figures of one system on the dev set; detection and false alarms are NaN for a system without rules. */
    public record Report(String system, int queries, int positives, int negatives, double recall1, double recall5,
                         double recall10, double recall5ReRegistered, double mrr10, double ndcg10, double detection,
                         double falseAlarms, double p50Ms, double p95Ms, double p99Ms) {
    }

    /** Results of one query: ranked ids and whether the system raised an alarm (null: no rules). */
    record Run(List<String> ranked, Boolean alarm, Outcome outcome, double topScore) {
    }

    private RedundancyEvaluation() {
    }

    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("-v");
        Path dir = DevSet.devDir();
        DevSet dev = DevSet.load(dir);
        System.out.printf(Locale.ROOT, "Dev set %s: %d entries, %d queries%n", dir, dev.catalogue().size(), dev.queries().size());
        Report engine = evaluateEngine(dev, propertiesFromSystem(), verbose);
        Report baseline = evaluateBaseline(dev);
        print(engine, baseline);
        DevSet crossLanguage = DevSet.crossLanguage(dev.catalogue());
        System.out.printf(Locale.ROOT, "%nCross-language set: %d plans in fr, de, nl, it, ko, zh against %d entries "
                + "(its %d English entries among the dev catalogue's)%n", crossLanguage.queries().size(),
                crossLanguage.catalogue().size(), crossLanguage.catalogue().size() - dev.catalogue().size());
        printCrossLanguage(evaluateCrossLanguage(crossLanguage, propertiesFromSystem(), verbose));
        DevSet reversed = DevSet.reversed(crossLanguage, dev.catalogue());
        System.out.printf(Locale.ROOT, "%nThe other direction: its %d English entries as plans, against its plans as "
                + "entries in their languages among the dev catalogue's%n", reversed.queries().size());
        printCrossLanguage(evaluateCrossLanguage(reversed, propertiesFromSystem(), false));
    }

    /** The engine with and without its glossary on one set, overall and per plan language. */
    public record CrossLanguage(Map<String, Report> withGlossary, Map<String, Report> withoutGlossary) {
    }

    /** Runs the cross-language set with the glossary and without it, overall ("all") and per plan language. */
    public static CrossLanguage evaluateCrossLanguage(DevSet set, RedundancyProperties properties, boolean verbose) {
        var with = engine(set.catalogue(), properties, new TextAnalysis());
        var without = engine(set.catalogue(), properties, TextAnalysis.withoutGlossary());
        Map<String, Report> withReports = new LinkedHashMap<>();
        Map<String, Report> withoutReports = new LinkedHashMap<>();
        Map<String, DevSet> parts = new LinkedHashMap<>();
        parts.put("all", set);
        List<String> languages = set.queries().stream().map(q -> q.plan().language()).distinct().toList();
        languages.stream().filter(lang -> languages.size() > 1)
                .forEach(lang -> parts.put(lang, new DevSet(set.catalogue(),
                        set.queries().stream().filter(q -> lang.equals(q.plan().language())).toList())));
        parts.forEach((name, part) -> {
            withReports.put(name, evaluateEngine("engine", part, with, verbose && name.equals("all")));
            withoutReports.put(name, evaluateEngine("engine without glossary", part, without, false));
        });
        return new CrossLanguage(withReports, withoutReports);
    }

    public static void printCrossLanguage(CrossLanguage results) {
        System.out.println();
        System.out.println("| plans | recall@1 | recall@5 | MRR@10 | detection | false alarms |");
        System.out.println("|---|---|---|---|---|---|");
        results.withGlossary().forEach((name, with) -> {
            Report without = results.withoutGlossary().get(name);
            System.out.printf(Locale.ROOT, "| %s (%d+%d) | %s | %s | %s | %s | %s |%n", name, with.positives(), with.negatives(),
                    pair(with.recall1(), without.recall1()), pair(with.recall5(), without.recall5()),
                    pair(with.mrr10(), without.mrr10()), pair(with.detection(), without.detection()),
                    pair(with.falseAlarms(), without.falseAlarms()));
        });
        System.out.println("(each cell: with the glossary / without it)");
    }

    private static String pair(double with, double without) {
        return String.format(Locale.ROOT, "%.3f / %.3f", with, without);
    }

    /**
     * The defaults, each overridable by a system property of the node's name, e.g.
     * {@code -Dpreconsult.redundancy.owner-boost=0.3}, to try a setting before changing a node.
     */
    public static RedundancyProperties propertiesFromSystem() {
        RedundancyProperties d = RedundancyProperties.defaults();
        return new RedundancyProperties(false,
                number("strong-overlap", d.strongOverlap()), number("possible-overlap", d.possibleOverlap()),
                (int) number("min-description-words", d.minDescriptionWords()),
                (int) number("candidate-pool", d.candidatePool()), (int) number("own-entries-pool", d.ownEntriesPool()),
                (int) number("max-query-terms", d.maxQueryTerms()), number("common-term-share", d.commonTermShare()),
                number("owner-boost", d.ownerBoost()), d.defaultLimit(),
                System.getProperty("preconsult.redundancy.search-threads") == null ? d.searchThreads()
                        : Integer.valueOf(System.getProperty("preconsult.redundancy.search-threads")));
    }

    private static double number(String name, double fallback) {
        String v = System.getProperty("preconsult.redundancy." + name);
        return v == null ? fallback : Double.parseDouble(v);
    }

    /** Builds an engine over the catalogue, without Micronaut, as a node would configure it. */
    public static CheckingRedundancy engine(List<CatalogueEntry> catalogue, RedundancyProperties properties) {
        return engine(catalogue, properties, new TextAnalysis());
    }

    static CheckingRedundancy engine(List<CatalogueEntry> catalogue, RedundancyProperties properties, TextAnalysis analysis) {
        CatalogueIndex index = CatalogueIndex.inMemory(analysis);
        long seq = 0;
        for (CatalogueEntry entry : catalogue) {
            index.addForBulkLoad(entry, ++seq);
        }
        index.finishBulkLoad(seq);
        var search = new LuceneCandidateSearch(index, LuceneCandidateSearch.Tuning.from(properties));
        return new CheckingRedundancy(search, properties);
    }

    public static Report evaluateEngine(DevSet dev, RedundancyProperties properties, boolean verbose) {
        return evaluateEngine("engine", dev, engine(dev.catalogue(), properties), verbose);
    }

    static Report evaluateEngine(String name, DevSet dev, CheckingRedundancy engine, boolean verbose) {
        warmUp(dev, q -> engine.check(q.plan(), 10));
        return evaluate(name, dev, q -> {
            CheckResult result = engine.check(q.plan(), 10);
            Outcome outcome = result.recommendation().outcome();
            boolean alarm = outcome == Outcome.CONDITIONAL_APPROVAL || outcome == Outcome.DEFERRAL;
            double top = result.matches().isEmpty() ? 0 : result.matches().get(0).score();
            if (verbose) {
                printQuery(q, result);
            }
            return new Run(result.matches().stream().map(Match::entryId).toList(), alarm, outcome, top);
        });
    }

    public static Report evaluateBaseline(DevSet dev) {
        BaselineBm25 baseline = new BaselineBm25(dev.catalogue());
        warmUp(dev, q -> baseline.search(q.plan(), 10));
        return evaluate("BM25 baseline", dev, q -> new Run(baseline.search(q.plan(), 10), null, null, 0));
    }

    private static void warmUp(DevSet dev, Function<DevSet.Query, ?> system) {
        for (int i = 0; i < 3; i++) {
            dev.queries().forEach(system::apply);
        }
    }

    static Report evaluate(String name, DevSet dev, Function<DevSet.Query, Run> system) {
        int positives = 0;
        int negatives = 0;
        int reRegistered = 0;
        double r1 = 0, r5 = 0, r10 = 0, r5re = 0, mrr = 0, ndcg = 0, detected = 0, alarms = 0;
        boolean hasRules = true;
        List<Double> latencies = new ArrayList<>();
        for (DevSet.Query q : dev.queries()) {
            long start = System.nanoTime();
            Run run = system.apply(q);
            latencies.add((System.nanoTime() - start) / 1e6);
            hasRules &= run.alarm() != null;
            if (q.positive()) {
                positives++;
                r1 += RankingMetrics.bestGradeWithin(run.ranked(), q.relevant(), 1) ? 1 : 0;
                r5 += RankingMetrics.bestGradeWithin(run.ranked(), q.relevant(), 5) ? 1 : 0;
                r10 += RankingMetrics.bestGradeWithin(run.ranked(), q.relevant(), 10) ? 1 : 0;
                mrr += RankingMetrics.reciprocalRank10(run.ranked(), q.relevant());
                ndcg += RankingMetrics.ndcg10(run.ranked(), q.relevant());
                detected += Boolean.TRUE.equals(run.alarm()) ? 1 : 0;
                if (isReRegistration(dev, q)) {
                    reRegistered++;
                    r5re += RankingMetrics.bestGradeWithin(run.ranked(), q.relevant(), 5) ? 1 : 0;
                }
            } else {
                negatives++;
                alarms += Boolean.TRUE.equals(run.alarm()) ? 1 : 0;
            }
        }
        double[] ms = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        return new Report(name, dev.queries().size(), positives, negatives, r1 / positives, r5 / positives,
                r10 / positives, reRegistered == 0 ? Double.NaN : r5re / reRegistered, mrr / positives,
                ndcg / positives, hasRules ? detected / positives : Double.NaN,
                hasRules ? alarms / Math.max(1, negatives) : Double.NaN,
                RankingMetrics.percentile(ms, 0.50), RankingMetrics.percentile(ms, 0.95), RankingMetrics.percentile(ms, 0.99));
    }

    /** A positive query whose best-graded duplicate belongs to the same owner as the plan. */
    static boolean isReRegistration(DevSet dev, DevSet.Query q) {
        int best = q.bestGrade();
        return dev.catalogue().stream().anyMatch(e -> q.relevant().getOrDefault(e.id(), 0) == best
                && e.owner() != null && e.owner().equalsIgnoreCase(q.plan().owner()));
    }

    private static void printQuery(DevSet.Query q, CheckResult result) {
        System.out.printf(Locale.ROOT, "%s [%s] %s%n", q.qid(), q.positive() ? "pos" : "neg", result.recommendation().outcome());
        int rank = 0;
        for (Match m : result.matches()) {
            if (++rank > 3 && !q.relevant().containsKey(m.entryId())) {
                continue;
            }
            System.out.printf(Locale.ROOT, "   %2d %.3f %s %s %s%n", rank, m.score(),
                    q.relevant().containsKey(m.entryId()) ? "*" + q.relevant().get(m.entryId()) : "  ", m.entryId(), m.name());
        }
    }

    public static void print(Report engine, Report baseline) {
        System.out.println();
        System.out.println("| metric | engine | BM25 baseline | engine / baseline |");
        System.out.println("|---|---|---|---|");
        row("recall@1", engine.recall1(), baseline.recall1());
        row("recall@5", engine.recall5(), baseline.recall5());
        row("recall@10", engine.recall10(), baseline.recall10());
        row("recall@5, re-registered plans", engine.recall5ReRegistered(), baseline.recall5ReRegistered());
        row("MRR@10", engine.mrr10(), baseline.mrr10());
        row("nDCG@10", engine.ndcg10(), baseline.ndcg10());
        row("detection (positives)", engine.detection(), baseline.detection());
        row("false alarms (negatives)", engine.falseAlarms(), baseline.falseAlarms());
        row("latency p50 (ms)", engine.p50Ms(), baseline.p50Ms());
        row("latency p95 (ms)", engine.p95Ms(), baseline.p95Ms());
        row("latency p99 (ms)", engine.p99Ms(), baseline.p99Ms());
        System.out.printf(Locale.ROOT, "%n%d queries: %d positive, %d negative%n", engine.queries(), engine.positives(), engine.negatives());
    }

    private static void row(String metric, double engine, double baseline) {
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", metric, fmt(engine), fmt(baseline),
                Double.isNaN(engine) || Double.isNaN(baseline) || baseline == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", engine / baseline));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a (no rules)" : String.format(Locale.ROOT, "%.3f", v);
    }
}
