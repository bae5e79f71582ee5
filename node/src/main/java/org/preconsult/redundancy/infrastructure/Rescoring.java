package org.preconsult.redundancy.infrastructure;

import static org.preconsult.redundancy.infrastructure.TextSimilarity.dice;
import static org.preconsult.redundancy.infrastructure.TextSimilarity.intersect;
import static org.preconsult.redundancy.infrastructure.TextSimilarity.trigramDice;
import static org.preconsult.redundancy.infrastructure.TextSimilarity.weight;
import static org.preconsult.redundancy.infrastructure.TextSimilarity.weightedDice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second stage: scores each candidate with bounded features that mean the same for every plan
 * (text cosine, title similarity, shared entities and functions), raised for the applicant's own
 * entries, then ranks them.
 */
final class Rescoring {

    static final double W_TEXT = 0.45;
    static final double W_TITLE = 0.35;
    static final double W_ENTITIES = 0.10;
    static final double W_FUNCTIONS = 0.10;
    private static final double SHARED_FUNCTION_DICE = 0.5;
    /** Character-trigram Dice of two names from which one owner's entries are records of one project. */
    private static final double SAME_PROJECT_NAME = 0.9;
    /** Share of the best record's score that the other records of the same project receive. */
    private static final double SAME_PROJECT_SHARE = 0.9;

    private final double ownerBoost;

    Rescoring(double ownerBoost) {
        this.ownerBoost = ownerBoost;
    }

    /** The candidates (profiles in first-stage order) scored and ranked best first; equal scores keep that order. */
    List<Scored> rank(PlanText p, List<EntryProfile> profiles, DocFreqCache idf) {
        return rank(p, profiles, idf, Set.of());
    }

    /**
     * As {@link #rank(PlanText, List, DocFreqCache)}, where among equal scores an entry of
     * {@code preferred} (marked as best practice) comes first. Scores stay as they are.
     */
    List<Scored> rank(PlanText p, List<EntryProfile> profiles, DocFreqCache idf, Set<String> preferred) {
        PlanVector vector = new PlanVector(p.keys.counts(), idf);
        List<Scored> scored = new ArrayList<>(profiles.size());
        for (int rank = 0; rank < profiles.size(); rank++) {
            scored.add(rescore(p, vector, new EntryText(profiles.get(rank)), idf, rank));
        }
        scored = liftRecordsOfTheSameProject(scored);
        // Scores as shown first (rounding keeps their order, so with nothing preferred this is the
        // order of the raw scores), then the preferred, then the raw score.
        scored.sort(Comparator.comparingDouble((Scored s) -> MatchEvidence.round(s.score())).reversed()
                .thenComparingInt((Scored s) -> preferred.contains(s.entry().id) ? 0 : 1)
                .thenComparing(Comparator.comparingDouble(Scored::score).reversed())
                .thenComparingInt(Scored::firstStageRank));
        return scored;
    }

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
        double score = Math.min(1.0, content * (sameOwner ? 1 + ownerBoost : 1));
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

    private static List<String> sharedFunctions(PlanText p, EntryText e, DocFreqCache idf) {
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
}
