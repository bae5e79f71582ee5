package org.preconsult.redundancy.infrastructure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.redundancy.application.CandidateSearch;
import org.preconsult.redundancy.application.RedundancyProperties;
import org.preconsult.redundancy.model.Evidence;
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
 *   {@value #MIN_DISTINCTIVE_WEIGHT} of the query's IDF weight: the plan's title terms, common or
 *   not. <em>Own entries</em>: the applicant's own entries that share a title term or an entity
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

    static final double W_TEXT = 0.45;
    static final double W_TITLE = 0.35;
    static final double W_ENTITIES = 0.10;
    static final double W_FUNCTIONS = 0.10;
    private static final float BOOST_TITLE = 2.0f;
    private static final float BOOST_KEYS = 1.0f;
    private static final float BOOST_LANGUAGE = 0.5f;
    private static final float BOOST_ENTITIES = 1.5f;
    private static final int MAX_ENTITY_TERMS = 8;
    /** Share of the query's IDF weight the distinctive terms must carry for the common ones to be left out. */
    static final double MIN_DISTINCTIVE_WEIGHT = 0.5;
    /** Candidates taken from the title look-alikes of a plan with few distinctive terms. */
    static final int TITLE_LOOK_ALIKES = 10;
    private static final int EVIDENCE_TERMS = 8;
    private static final double SHARED_FUNCTION_DICE = 0.5;
    /** Character-trigram Dice of two names from which one owner's entries are records of one project. */
    private static final double SAME_PROJECT_NAME = 0.9;
    /** Share of the best record's score that the other records of the same project receive. */
    private static final double SAME_PROJECT_SHARE = 0.9;
    private final CatalogueIndex index;
    private final TextAnalysis analysis;
    private final Tuning tuning;
    private volatile DocFreqCache docFreqs = new DocFreqCache(null);

    public LuceneCandidateSearch(CatalogueIndex index, Tuning tuning) {
        this.index = index;
        this.analysis = index.analysis();
        this.tuning = tuning;
    }

    @Override
    public List<Match> find(PlanDraft plan, int limit) {
        return index.withSearcher(searcher -> find(searcher, plan, limit));
    }

    /** The first-stage queries alone, for benchmarks that compare them with the full check. */
    public FirstStage firstStageQueries(PlanDraft plan, int limit) {
        return index.withSearcher(searcher -> firstStage(new PlanText(plan), cacheFor(searcher.getIndexReader()), limit));
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

    private List<Match> find(IndexSearcher searcher, PlanDraft plan, int limit) throws IOException {
        DocFreqCache idf = cacheFor(searcher.getIndexReader());
        PlanText p = new PlanText(plan);
        List<Integer> candidates = candidates(searcher, firstStage(p, idf, limit));
        PlanVector vector = new PlanVector(p.keys.counts(), idf);
        List<EntryProfile> profiles = profiles(searcher.getIndexReader(), candidates);
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (int rank = 0; rank < candidates.size(); rank++) {
            scored.add(rescore(p, vector, new EntryText(profiles.get(rank)), idf, rank));
        }
        scored = liftRecordsOfTheSameProject(scored);
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::firstStageRank));
        return scored.stream().limit(limit).map(s -> s.toMatch(p, idf)).toList();
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

    // ---- stage 1 ------------------------------------------------------------------------------

    /** The queries of the first stage; the look-alikes bring at least {@code limit} candidates. */
    private FirstStage firstStage(PlanText p, DocFreqCache idf, int limit) {
        List<Clause> clauses = new ArrayList<>();
        for (String term : topByIdf(p.titleKeys.counts(), TextAnalysis.KEYS, idf, tuning.maxQueryTerms())) {
            clauses.add(new Clause(TextAnalysis.TITLE_KEYS, term, BOOST_TITLE));
        }
        for (String term : topByIdf(p.keys.counts(), TextAnalysis.KEYS, idf, tuning.maxQueryTerms())) {
            clauses.add(new Clause(TextAnalysis.KEYS, term, BOOST_KEYS));
        }
        if (analysis.hasLanguageField(p.language)) {
            String field = TextAnalysis.TEXT_PREFIX + p.language;
            for (String term : topByIdf(analysis.languageCounts(p.language, p.text), field, idf,
                    Math.max(2, tuning.maxQueryTerms() / 2))) {
                clauses.add(new Clause(field, term, BOOST_LANGUAGE));
            }
        }
        Map<String, Integer> entityCounts = new LinkedHashMap<>();
        p.entities.keySet().forEach(e -> entityCounts.put(e, 1));
        for (String term : topByIdf(entityCounts, TextAnalysis.ENTITIES, idf, MAX_ENTITY_TERMS)) {
            clauses.add(new Clause(TextAnalysis.ENTITIES, term, BOOST_ENTITIES));
        }
        List<Retrieval> retrievals = new ArrayList<>();
        List<Clause> distinctive = distinctive(clauses, idf);
        retrievals.add(new Retrieval(disjunction(distinctive.isEmpty() ? clauses : distinctive, p, null, 0),
                Math.max(tuning.candidatePool(), limit)));
        List<Clause> title = clauses.stream().filter(c -> c.field.equals(TextAnalysis.TITLE_KEYS)).toList();
        if (!distinctive.isEmpty() && !title.isEmpty() && !decisive(distinctive, clauses, idf)) {
            retrievals.add(new Retrieval(disjunction(title, p, null, 0), TITLE_LOOK_ALIKES));
        }
        List<Clause> titleAndEntities = clauses.stream()
                .filter(c -> c.field.equals(TextAnalysis.TITLE_KEYS) || c.field.equals(TextAnalysis.ENTITIES)).toList();
        if (!p.ownerKey.isEmpty() && !titleAndEntities.isEmpty() && tuning.ownEntriesPool() > 0) {
            retrievals.add(new Retrieval(disjunction(titleAndEntities, p, new Term(CatalogueIndex.OWNER_KEY, p.ownerKey), 1),
                    tuning.ownEntriesPool()));
        }
        return new FirstStage(retrievals);
    }

    /**
     * The clauses whose term is not common: found in no more than {@code commonTermShare} of the
     * entries, or in no more entries than the pool holds (all of them could be candidates).
     */
    private List<Clause> distinctive(List<Clause> clauses, DocFreqCache idf) {
        long commonAbove = Math.max(tuning.candidatePool(), (long) (tuning.commonTermShare() * idf.maxDoc()));
        return clauses.stream().filter(c -> idf.docFreq(c.field, c.term) <= commonAbove).toList();
    }

    /**
     * True when the distinctive clauses carry at least {@value #MIN_DISTINCTIVE_WEIGHT} of the query's
     * weight (Σ boost × IDF), so that they decide which entries rank high. A plan of ordinary words
     * with one incidental rare word (a place, a product, a typo) fails this: the rare word alone
     * would pick the candidates, and the entries that share the plan's title would be missed.
     */
    private static boolean decisive(List<Clause> distinctive, List<Clause> all, DocFreqCache idf) {
        return weight(distinctive, idf) >= MIN_DISTINCTIVE_WEIGHT * weight(all, idf);
    }

    private static double weight(List<Clause> clauses, DocFreqCache idf) {
        return clauses.stream().mapToDouble(c -> c.boost * idf.idf(c.field, c.term)).sum();
    }

    /** One term of the plan in one field, with the field's weight. */
    private record Clause(String field, String term, float boost) {
    }

    /** SHOULD clauses, at least {@code minShouldMatch} of them, within {@code filter} when given. */
    private static Query disjunction(List<Clause> clauses, PlanText p, Term filter, int minShouldMatch) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (Clause c : clauses) {
            q.add(new BoostQuery(new TermQuery(new Term(c.field, c.term)), c.boost), BooleanClause.Occur.SHOULD);
        }
        if (filter != null) {
            q.add(new TermQuery(filter), BooleanClause.Occur.FILTER);
        }
        if (p.plan.excludeEntryId() != null) {
            q.add(new TermQuery(new Term(CatalogueIndex.ID, p.plan.excludeEntryId())), BooleanClause.Occur.MUST_NOT);
        }
        return q.setMinimumNumberShouldMatch(minShouldMatch).build();
    }

    /** The terms present in the index that weigh most in the plan (log tf × IDF), at most {@code max}. */
    private static List<String> topByIdf(Map<String, Integer> counts, String field, DocFreqCache idf, int max) {
        return counts.entrySet().stream()
                .filter(e -> idf.docFreq(field, e.getKey()) > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Integer> e) ->
                        -(1 + Math.log(e.getValue())) * idf.idf(field, e.getKey())))
                .limit(max)
                .map(Map.Entry::getKey)
                .toList();
    }

    // ---- stage 2 ------------------------------------------------------------------------------

    private Scored rescore(PlanText p, PlanVector vector, EntryText e, DocFreqCache idf, int rank) {
        double text = vector.cosine(e.allKeys, idf);
        double title = Math.max(weightedDice(p.titleKeys.counts().keySet(), e.name.counts().keySet(), idf),
                trigramDice(p.titleGrams, e.titleGrams));
        double sum = W_TEXT * text + W_TITLE * title;
        double weights = W_TEXT + W_TITLE;
        Set<String> sharedEntities = intersect(p.entities.keySet(), e.entities.keySet());
        if (!p.entities.isEmpty()) {
            sum += W_ENTITIES * dice(sharedEntities.size(), p.entities.size(), e.entities.size());
            weights += W_ENTITIES;
        }
        List<String> sharedFunctions = sharedFunctions(p, e, idf);
        boolean sameCode = !p.functionCode.isEmpty() && p.functionCode.equals(e.functionCode);
        if (!p.functions.isEmpty() || !p.functionCode.isEmpty()) {
            double functions = p.functions.isEmpty()
                    ? (sameCode ? 1 : 0)
                    : 0.8 * sharedFunctions.size() / p.functions.size() + (sameCode ? 0.2 : 0);
            sum += W_FUNCTIONS * functions;
            weights += W_FUNCTIONS;
        }
        boolean sameOwner = !p.ownerKey.isEmpty() && p.ownerKey.equals(e.ownerKey);
        double content = sum / weights;
        double score = Math.min(1.0, content * (sameOwner ? 1 + tuning.ownerBoost() : 1));
        return new Scored(e, score, rank, sharedEntities, sharedFunctions, sameCode, sameOwner);
    }

    /**
     * Entries of one owner with (nearly) the same name are records of one project: re-registered
     * each year, or split into phases. Their texts drift apart over the years, so the plan may match
     * one record much better than the others. A duplicate of one record is a duplicate of the
     * project: each record's score is raised to {@value #SAME_PROJECT_SHARE} of the best record's,
     * so the records of the project a plan duplicates rank together, above look-alikes of other
     * owners. A score is never lowered, and the best record keeps its own.
     */
    private static List<Scored> liftRecordsOfTheSameProject(List<Scored> scored) {
        List<Scored> lifted = new ArrayList<>(scored.size());
        for (Scored a : scored) {
            double best = a.score();
            if (!a.entry().ownerKey.isEmpty()) {
                for (Scored b : scored) {
                    if (b.score() * SAME_PROJECT_SHARE > best && a.entry().ownerKey.equals(b.entry().ownerKey)
                            && trigramDice(a.entry().titleGrams, b.entry().titleGrams) >= SAME_PROJECT_NAME) {
                        best = b.score() * SAME_PROJECT_SHARE;
                    }
                }
            }
            lifted.add(best > a.score() ? a.withScore(best) : a);
        }
        return lifted;
    }

    private record Scored(EntryText entry, double score, int firstStageRank, Set<String> sharedEntities,
                          List<String> sharedFunctions, boolean sameFunctionCode, boolean sameOwner) {

        Scored withScore(double newScore) {
            return new Scored(entry, newScore, firstStageRank, sharedEntities, sharedFunctions, sameFunctionCode, sameOwner);
        }

        Match toMatch(PlanText p, DocFreqCache idf) {
            List<Evidence.FieldMatch> fields = new ArrayList<>();
            boolean translated = !java.util.Objects.equals(p.language, entry.language);
            addField(fields, "name", shared(p.keys, entry.name, idf, translated));
            addField(fields, "description", shared(p.keys, entry.description, idf, translated));
            addField(fields, "entities", sharedEntities.stream().map(entry.entities::get).toList());
            String pair = p.language + "→" + entry.language;
            var evidence = new Evidence(fields, sharedFunctions, sameFunctionCode, pair, sameOwner);
            return new Match(entry.id, entry.kind, entry.owner, entry.name.text, round(score), evidence);
        }

        private static void addField(List<Evidence.FieldMatch> fields, String name, List<String> terms) {
            if (!terms.isEmpty()) {
                fields.add(new Evidence.FieldMatch(name, terms));
            }
        }

        /**
         * Entry words whose keys the plan shares, rarest first, as the entry writes them; across
         * languages followed by the plan's word when it is a translation ("management (gestion)"),
         * not when it is the same word inflected or accented ("electronic", "électronique").
         */
        private static List<String> shared(TextAnalysis.Keys plan, NamedKeys entry, DocFreqCache idf, boolean translated) {
            return entry.keys.counts().keySet().stream()
                    .filter(plan.counts()::containsKey)
                    .sorted(Comparator.comparingDouble(k -> -idf.idf(TextAnalysis.KEYS, k)))
                    .limit(EVIDENCE_TERMS)
                    .map(k -> {
                        String word = entry.keys.surfaces().get(k);
                        String planWord = plan.surfaces().get(k);
                        return translated && planWord != null && !sameStart(planWord, word) ? word + " (" + planWord + ")" : word;
                    })
                    .toList();
        }

        private static boolean sameStart(String a, String b) {
            String fa = TextAnalysis.fold(a);
            String fb = TextAnalysis.fold(b);
            int n = Math.min(TextAnalysis.KEY_LENGTH, Math.min(fa.length(), fb.length()));
            return fa.regionMatches(0, fb, 0, n) && n > 0;
        }

        private static double round(double v) {
            return Math.round(v * 10_000) / 10_000.0;
        }
    }

    private List<String> sharedFunctions(PlanText p, EntryText e, DocFreqCache idf) {
        List<String> shared = new ArrayList<>();
        for (Map.Entry<String, Set<String>> entryFunction : e.functions.entrySet()) {
            for (Set<String> planFunction : p.functions.values()) {
                if (weightedDice(planFunction, entryFunction.getValue(), idf) >= SHARED_FUNCTION_DICE) {
                    shared.add(entryFunction.getKey());
                    break;
                }
            }
        }
        return shared.size() > p.functions.size() ? shared.subList(0, p.functions.size()) : shared;
    }

    /** The plan's log-tf × IDF vector over the neutral keys and its norm, computed once per check. */
    private static final class PlanVector {
        private final Map<String, Double> weights;
        private final double norm;

        PlanVector(Map<String, Integer> counts, DocFreqCache idf) {
            weights = new HashMap<>(counts.size() * 2);
            double sq = 0;
            for (var e : counts.entrySet()) {
                double w = weight(e.getValue(), idf.idf(TextAnalysis.KEYS, e.getKey()));
                weights.put(e.getKey(), w);
                sq += w * w;
            }
            norm = Math.sqrt(sq);
        }

        /** Cosine of this vector and an entry's log-tf × IDF vector. */
        double cosine(Map<String, Integer> entry, DocFreqCache idf) {
            double dot = 0;
            double nb = 0;
            for (var e : entry.entrySet()) {
                double w = weight(e.getValue(), idf.idf(TextAnalysis.KEYS, e.getKey()));
                nb += w * w;
                Double mine = weights.get(e.getKey());
                if (mine != null) {
                    dot += w * mine;
                }
            }
            return norm == 0 || nb == 0 ? 0 : dot / (norm * Math.sqrt(nb));
        }
    }

    private static double weight(int tf, double idf) {
        return (1 + Math.log(tf)) * idf;
    }

    /** Dice coefficient of two key sets, each key weighted by its IDF. */
    private static double weightedDice(Set<String> a, Set<String> b, DocFreqCache idf) {
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

    private static double trigramDice(Set<String> a, Set<String> b) {
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

    private static double dice(int shared, int a, int b) {
        return a + b == 0 ? 0 : 2.0 * shared / (a + b);
    }

    private static <T> Set<T> intersect(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }

    /** Character trigrams of the folded title (letters and digits only), which survive typos and spacing. */
    static Set<String> trigrams(String title) {
        return foldedTrigrams(TextAnalysis.fold(title));
    }

    private static Set<String> foldedTrigrams(String folded) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 3 <= folded.length(); i++) {
            grams.add(folded.substring(i, i + 3));
        }
        return grams;
    }

    // ---- texts --------------------------------------------------------------------------------

    /** The plan, analyzed once per check. */
    private final class PlanText {
        final PlanDraft plan;
        final String text;
        final String language;
        final TextAnalysis.Keys keys;
        final TextAnalysis.Keys titleKeys;
        final Set<String> titleGrams;
        final Map<String, String> entities;
        final Map<String, Set<String>> functions = new LinkedHashMap<>();
        final String functionCode;
        final String ownerKey;

        PlanText(PlanDraft plan) {
            this.plan = plan;
            String title = plan.title() == null ? "" : plan.title();
            String description = plan.description() == null ? "" : plan.description();
            this.text = TextAnalysis.fullText(title, description, plan.functions());
            this.language = index.detector().resolve(plan.language(), title + " " + description);
            this.keys = analysis.keys(text, language);
            this.titleKeys = analysis.keys(title, language);
            this.titleGrams = trigrams(title);
            this.entities = analysis.entities(text);
            for (String f : plan.functions()) {
                functions.put(f, analysis.keys(f, language).counts().keySet());
            }
            this.functionCode = TextAnalysis.fold(plan.functionCode());
            this.ownerKey = TextAnalysis.ownerKey(plan.owner());
        }
    }

    private record NamedKeys(String text, TextAnalysis.Keys keys) {
        Map<String, Integer> counts() {
            return keys.counts();
        }
    }

    /** A candidate entry read back from its profile doc value: facts and pre-analyzed keys, no analysis. */
    private static final class EntryText {
        final String id;
        final EntryKind kind;
        final String owner;
        final String ownerKey;
        final String language;
        final String functionCode;
        final NamedKeys name;
        final NamedKeys description;
        final Map<String, Integer> allKeys;
        final Set<String> titleGrams;
        final Map<String, String> entities;
        final Map<String, Set<String>> functions;

        EntryText(EntryProfile profile) {
            EntryProfile.Facts facts = profile.facts;
            this.id = facts.id();
            this.kind = EntryKind.valueOf(facts.kind());
            this.owner = facts.owner().isEmpty() ? null : facts.owner();
            this.ownerKey = facts.ownerKey();
            this.language = facts.language();
            this.functionCode = facts.functionCode();
            this.name = new NamedKeys(facts.name(), profile.name);
            this.description = new NamedKeys(null, profile.description);
            this.allKeys = profile.allKeys();
            this.functions = profile.functions;
            this.entities = profile.entities;
            this.titleGrams = foldedTrigrams(profile.foldedName);
        }
    }

    // ---- statistics ---------------------------------------------------------------------------

    private DocFreqCache cacheFor(IndexReader reader) {
        DocFreqCache cache = docFreqs;
        if (cache.reader != reader) {
            cache = new DocFreqCache(reader);
            docFreqs = cache;
        }
        return cache;
    }

    /**
     * Document frequencies of one reader, cached because the rescoring asks for the same common
     * terms in every check. A new reader (after any index change) starts a new cache.
     */
    private static final class DocFreqCache {
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
                    throw new java.io.UncheckedIOException(e);
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
}
