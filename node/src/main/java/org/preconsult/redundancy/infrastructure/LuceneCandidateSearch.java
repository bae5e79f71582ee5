package org.preconsult.redundancy.infrastructure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.preconsult.redundancy.application.CandidateSearch;
import org.preconsult.redundancy.application.RedundancyProperties;
import org.preconsult.redundancy.model.Match;
import org.preconsult.redundancy.model.PlanDraft;

/**
 * Finds duplicates of a plan in two stages.
 *
 * <ol>
 *   <li><b>Retrieve</b> candidates with up to three BM25 queries. <em>Look-alikes</em>: the plan's
 *   highest-IDF terms over the neutral title and text keys, the plan language's own field and the
 *   entities, leaving out terms that occur in more than {@code commonTermShare} of the entries and
 *   in more entries than {@code candidatePool} (all stay when every term is common). Common terms'
 *   long posting lists are most of a query's cost and they single out nothing; the rescoring still
 *   weighs them. <em>Title look-alikes</em>, only when the remaining terms carry less than
 *   {@value FirstStageQueries#MIN_DISTINCTIVE_WEIGHT} of the query's IDF weight: the plan's title
 *   terms, common or not. <em>Own entries</em>: the applicant's own entries that share a title term or an entity
 *   with the plan, common or not: a re-registered project is the most frequent duplicate, and its
 *   title may consist of words common elsewhere.</li>
 *   <li><b>Rescore</b> the candidates with features that are each in 0..1 and
 *   mean the same for every plan: IDF-weighted cosine of the texts, title similarity (the better of
 *   IDF-weighted key overlap and character-trigram overlap, which survives typos), shared entities
 *   and shared functions. The score is their weighted mean over the features the plan provides,
 *   raised by {@code ownerBoost} for the applicant's own entries, capped at 1. Being a bounded
 *   combination of bounded features, it is comparable across plans, which the thresholds of the
 *   recommendation rules need; raw BM25 is not.</li>
 * </ol>
 *
 * <p>This class runs the two stages over one searcher; {@link FirstStageQueries} builds the first,
 * {@link Rescoring} is the second, {@link MatchEvidence} explains each match, and {@link DocFreqCache}
 * holds the statistics all three read.
 */
public final class LuceneCandidateSearch implements CandidateSearch {

    /**
     * How much work a check does and how it weighs ownership: look-alike candidates, own-entry
     * candidates, query length, the document share from which a term is common, owner boost.
     */
    public record Tuning(int candidatePool, int ownEntriesPool, int maxQueryTerms, double commonTermShare,
                         double ownerBoost) {

        public static Tuning from(RedundancyProperties p) {
            return new Tuning(p.candidatePool(), p.ownEntriesPool(), p.maxQueryTerms(), p.commonTermShare(),
                    p.ownerBoost());
        }
    }

    /** One query of the first stage and how many of its best hits become candidates. */
    public record Retrieval(Query query, int hits) {
    }

    /**
     * The first stage's queries, in order: look-alikes; title look-alikes when the plan has few
     * distinctive terms; the applicant's own entries when the plan names an owner and has a title or
     * entities.
     */
    public record FirstStage(List<Retrieval> retrievals) {
    }

    private final CatalogueIndex index;
    private final TextAnalysis analysis;
    private final FirstStageQueries firstStage;
    private final Rescoring rescoring;
    private volatile DocFreqCache docFreqs = new DocFreqCache(null);

    public LuceneCandidateSearch(CatalogueIndex index, Tuning tuning) {
        this.index = index;
        this.analysis = index.analysis();
        this.firstStage = new FirstStageQueries(analysis, tuning);
        this.rescoring = new Rescoring(tuning.ownerBoost());
    }

    @Override
    public List<Match> find(PlanDraft plan, int limit) {
        return find(plan, limit, Set.of());
    }

    @Override
    public List<Match> find(PlanDraft plan, int limit, Set<String> preferred) {
        return index.withSearcher(searcher -> find(searcher, plan, limit, preferred));
    }

    /** The first-stage queries alone, for benchmarks that compare them with the full check. */
    public FirstStage firstStageQueries(PlanDraft plan, int limit) {
        return index.withSearcher(searcher -> firstStage.of(planText(plan), cacheFor(searcher.getIndexReader()), limit));
    }

    /** Runs the first stage's queries: the candidates' document numbers, in query order, each once. */
    public List<Integer> candidates(IndexSearcher searcher, FirstStage stage) throws IOException {
        Set<Integer> docs = new LinkedHashSet<>();
        for (Retrieval r : stage.retrievals()) {
            for (ScoreDoc hit : searcher.search(r.query(), r.hits()).scoreDocs) {
                docs.add(hit.doc);
            }
        }
        return new ArrayList<>(docs);
    }

    private List<Match> find(IndexSearcher searcher, PlanDraft plan, int limit, Set<String> preferred)
            throws IOException {
        DocFreqCache idf = cacheFor(searcher.getIndexReader());
        PlanText p = planText(plan);
        List<Integer> candidates = candidates(searcher, firstStage.of(p, idf, limit));
        List<EntryProfile> profiles = profiles(searcher.getIndexReader(), candidates);
        return rescoring.rank(p, profiles, idf, preferred).stream().limit(limit).map(s -> MatchEvidence.toMatch(s, p, idf)).toList();
    }

    private PlanText planText(PlanDraft plan) {
        return new PlanText(plan, analysis, index.detector());
    }

    /** The candidates' profiles, in the candidates' order; doc values are read in document order. */
    private static List<EntryProfile> profiles(IndexReader reader, List<Integer> docs) throws IOException {
        Integer[] order = new Integer[docs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(docs::get));
        EntryProfile[] profiles = new EntryProfile[docs.size()];
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = null;
        BinaryDocValues values = null;
        for (int i : order) {
            int doc = docs.get(i);
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = DocValues.getBinary(leaf.reader(), CatalogueIndex.PROFILE);
            }
            if (!values.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("indexed entry without a profile: document " + doc);
            }
            profiles[i] = EntryProfile.decode(values.binaryValue());
        }
        return Arrays.asList(profiles);
    }

    /** The document frequencies of the current reader: one cache per reader, replaced when the index changes. */
    private DocFreqCache cacheFor(IndexReader reader) {
        DocFreqCache cache = docFreqs;
        if (cache.reader != reader) {
            cache = new DocFreqCache(reader);
            docFreqs = cache;
        }
        return cache;
    }
}
