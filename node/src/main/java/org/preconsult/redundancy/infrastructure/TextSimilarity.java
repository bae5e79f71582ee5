package org.preconsult.redundancy.infrastructure;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** The overlap measures the rescoring combines: IDF-weighted and trigram Dice, log-tf × IDF weights. */
final class TextSimilarity {

    private TextSimilarity() {
    }

    /** The weight of a term in a text: log-scaled term frequency times IDF. */
    static double weight(int tf, double idf) {
        return (1 + Math.log(tf)) * idf;
    }

    /** Dice coefficient of two key sets, each key weighted by its IDF. */
    static double weightedDice(Set<String> a, Set<String> b, DocFreqCache idf) {
        double shared = 0;
        double total = 0;
        for (String k : a) {
            double w = idf.idf(TextAnalysis.KEYS, k);
            total += w;
            if (b.contains(k)) {
                shared += 2 * w;
            }
        }
        for (String k : b) {
            total += idf.idf(TextAnalysis.KEYS, k);
        }
        return total == 0 ? 0 : shared / total;
    }

    /** Dice coefficient of two sets of character trigrams; 0 when either is empty. */
    static double trigramDice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String g : a) {
            if (b.contains(g)) {
                shared++;
            }
        }
        return dice(shared, a.size(), b.size());
    }

    static double dice(int shared, int a, int b) {
        return a + b == 0 ? 0 : 2.0 * shared / (a + b);
    }

    static <T> Set<T> intersect(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }

    /** Character trigrams of the folded title (letters and digits only), which survive typos and spacing. */
    static Set<String> trigrams(String title) {
        return foldedTrigrams(TextAnalysis.fold(title));
    }

    /** Character trigrams of an already folded text. */
    static Set<String> foldedTrigrams(String folded) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 3 <= folded.length(); i++) {
            grams.add(folded.substring(i, i + 3));
        }
        return grams;
    }
}
