package org.preconsult.redundancy.infrastructure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.preconsult.redundancy.infrastructure.LuceneCandidateSearch.FirstStage;
import org.preconsult.redundancy.infrastructure.LuceneCandidateSearch.Retrieval;
import org.preconsult.redundancy.infrastructure.LuceneCandidateSearch.Tuning;

/**
 * Builds the BM25 queries of the first stage for a plan: look-alikes on its distinctive terms,
 * title look-alikes when those terms carry too little of the weight, and the applicant's own entries.
 */
final class FirstStageQueries {

    private static final float BOOST_TITLE = 2.0f;
    private static final float BOOST_KEYS = 1.0f;
    private static final float BOOST_LANGUAGE = 0.5f;
    private static final float BOOST_ENTITIES = 1.5f;
    private static final int MAX_ENTITY_TERMS = 8;
    /** Share of the query's IDF weight the distinctive terms must carry for the common ones to be left out. */
    static final double MIN_DISTINCTIVE_WEIGHT = 0.5;
    /** Candidates taken from the title look-alikes of a plan with few distinctive terms. */
    static final int TITLE_LOOK_ALIKES = 10;

    private final TextAnalysis analysis;
    private final Tuning tuning;

    FirstStageQueries(TextAnalysis analysis, Tuning tuning) {
        this.analysis = analysis;
        this.tuning = tuning;
    }

    /** The queries of the first stage; the look-alikes bring at least {@code limit} candidates. */
    FirstStage of(PlanText p, DocFreqCache idf, int limit) {
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
}
