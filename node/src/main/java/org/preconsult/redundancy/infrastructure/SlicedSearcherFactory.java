package org.preconsult.redundancy.infrastructure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * Makes searchers whose segments are split into at most {@code threads} slices of about equal
 * document counts (largest segment first into the lightest slice), none under
 * {@link #MIN_DOCS_PER_SLICE} documents unless the index is smaller. Lucene's own slicing groups
 * segments up to 250,000 documents and five segments a slice, which on a few processors leaves some
 * idle and others with two slices in turn. Without a pool, a searcher searches in the calling thread.
 */
final class SlicedSearcherFactory extends SearcherFactory {

    /** Below this many documents per slice, a parallel search costs more than it saves. */
    static final int MIN_DOCS_PER_SLICE = 50_000;

    private final ExecutorService pool;
    private final int threads;

    SlicedSearcherFactory(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = threads;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
        if (pool == null) {
            return new IndexSearcher(reader);
        }
        int slices = Math.max(1, Math.min(threads, reader.maxDoc() / MIN_DOCS_PER_SLICE));
        return new IndexSearcher(reader, pool) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
                return balancedSlices(leaves, slices);
            }
        };
    }

    static IndexSearcher.LeafSlice[] balancedSlices(List<LeafReaderContext> leaves, int maxSlices) {
        int n = Math.min(maxSlices, leaves.size());
        if (n <= 1) {
            return leaves.isEmpty()
                    ? new IndexSearcher.LeafSlice[0]
                    : new IndexSearcher.LeafSlice[] {new IndexSearcher.LeafSlice(new ArrayList<>(leaves))};
        }
        List<List<LeafReaderContext>> groups = new ArrayList<>(n);
        long[] docs = new long[n];
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        List<LeafReaderContext> bySize = new ArrayList<>(leaves);
        bySize.sort(Comparator.comparingInt((LeafReaderContext c) -> c.reader().maxDoc()).reversed());
        for (LeafReaderContext leaf : bySize) {
            int lightest = 0;
            for (int i = 1; i < n; i++) {
                if (docs[i] < docs[lightest]) {
                    lightest = i;
                }
            }
            groups.get(lightest).add(leaf);
            docs[lightest] += leaf.reader().maxDoc();
        }
        IndexSearcher.LeafSlice[] slices = new IndexSearcher.LeafSlice[n];
        for (int i = 0; i < n; i++) {
            slices[i] = new IndexSearcher.LeafSlice(groups.get(i));
        }
        return slices;
    }
}
