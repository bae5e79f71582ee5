package org.preconsult.redundancy.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Document frequencies and IDF of one index reader, cached because the rescoring asks for the same
 * common terms in every check. A new reader (after any index change) starts a new cache.
 */
final class DocFreqCache {

    private static final int MAX_SIZE = 500_000;
    final IndexReader reader;
    private final Map<String, Map<String, Integer>> byField = new ConcurrentHashMap<>();

    DocFreqCache(IndexReader reader) {
        this.reader = reader;
    }

    int docFreq(String field, String term) {
        if (reader == null) {
            return 0;
        }
        Map<String, Integer> cache = byField.computeIfAbsent(field, f -> new ConcurrentHashMap<>());
        Integer df = cache.get(term);
        if (df == null) {
            try {
                df = reader.docFreq(new Term(field, term));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (cache.size() > MAX_SIZE) {
                cache.clear();
            }
            cache.put(term, df);
        }
        return df;
    }

    int maxDoc() {
        return reader == null ? 0 : reader.maxDoc();
    }

    /** BM25's IDF, positive for every term; a term unknown to the index weighs most. */
    double idf(String field, String term) {
        int n = maxDoc();
        int df = docFreq(field, term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
