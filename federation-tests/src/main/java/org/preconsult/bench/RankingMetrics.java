package org.preconsult.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The benchmark's ranking metrics for one query; averaged by the caller. */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /** True when an entry of the query's best grade is among the first {@code k}. */
    static boolean bestGradeWithin(List<String> ranked, Map<String, Integer> relevant, int k) {
        int best = relevant.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return ranked.stream().limit(k).anyMatch(id -> relevant.getOrDefault(id, 0) == best && best > 0);
    }

    /** Reciprocal rank of the first relevant entry (any grade) within the first ten, else 0. */
    static double reciprocalRank10(List<String> ranked, Map<String, Integer> relevant) {
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            if (relevant.containsKey(ranked.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** nDCG@10 with gain 2^grade − 1. */
    static double ndcg10(List<String> ranked, Map<String, Integer> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += gain(relevant.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        int[] grades = relevant.values().stream().mapToInt(Integer::intValue).sorted().toArray();
        double ideal = 0;
        for (int i = 0; i < Math.min(10, grades.length); i++) {
            ideal += gain(grades[grades.length - 1 - i]) / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /** The value below which {@code p} of the sorted samples lie (nearest rank). */
    static double percentile(double[] samples, double p) {
        if (samples.length == 0) {
            return 0;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
