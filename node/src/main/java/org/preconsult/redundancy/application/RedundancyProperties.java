package org.preconsult.redundancy.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.preconsult.redundancy.model.RecommendationRules;

/**
 * Settings of the redundancy check ({@code preconsult.redundancy.*}); docs/redundancy.md explains
 * each and how the defaults were chosen.
 *
 * @param inMemory            keep the index in memory instead of {@code ${preconsult.data-dir}/index/catalogue}
 * @param strongOverlap       score from which a match is a duplicate that decides the outcome
 * @param possibleOverlap     score from which a match is listed for the reviewer without deciding
 * @param minDescriptionWords words a description needs when no functions are listed
 * @param candidatePool       look-alike candidates of the first stage rescored with the full set of features
 * @param ownEntriesPool      the applicant's own entries sharing a title word or entity, rescored as well
 *                            (0: no such query)
 * @param maxQueryTerms       highest-IDF terms of a plan kept in the first-stage query
 * @param commonTermShare     share of the index's entries above which a term is left out of the look-alike
 *                            query (a term in no more entries than candidate-pool never is); the rescoring still weighs it
 * @param ownerBoost          relative boost of a match that belongs to the applicant itself
 * @param defaultLimit        matches returned when a caller asks for none in particular
 * @param searchThreads       threads one check's first-stage search runs on, over slices of the index's
 *                            segments; unset means the number of available processors
 */
@ConfigurationProperties("preconsult.redundancy")
public record RedundancyProperties(
        @Bindable(defaultValue = "false") boolean inMemory,
        @Bindable(defaultValue = DEFAULT_STRONG_OVERLAP) @DecimalMin("0.0") @DecimalMax("1.0") double strongOverlap,
        @Bindable(defaultValue = DEFAULT_POSSIBLE_OVERLAP) @DecimalMin("0.0") @DecimalMax("1.0") double possibleOverlap,
        @Bindable(defaultValue = DEFAULT_MIN_DESCRIPTION_WORDS) @Min(1) @Max(200) int minDescriptionWords,
        @Bindable(defaultValue = DEFAULT_CANDIDATE_POOL) @Min(10) @Max(1000) int candidatePool,
        @Bindable(defaultValue = DEFAULT_OWN_ENTRIES_POOL) @Min(0) @Max(1000) int ownEntriesPool,
        @Bindable(defaultValue = DEFAULT_MAX_QUERY_TERMS) @Min(4) @Max(256) int maxQueryTerms,
        @Bindable(defaultValue = DEFAULT_COMMON_TERM_SHARE) @DecimalMin("0.0") @DecimalMax("1.0") double commonTermShare,
        @Bindable(defaultValue = DEFAULT_OWNER_BOOST) @DecimalMin("0.0") @DecimalMax("1.0") double ownerBoost,
        @Bindable(defaultValue = DEFAULT_LIMIT) @Min(1) @Max(100) int defaultLimit,
        @Nullable @Min(1) @Max(64) Integer searchThreads) {

    public static final String DEFAULT_STRONG_OVERLAP = "0.5";
    public static final String DEFAULT_POSSIBLE_OVERLAP = "0.3";
    public static final String DEFAULT_MIN_DESCRIPTION_WORDS = "8";
    public static final String DEFAULT_CANDIDATE_POOL = "50";
    public static final String DEFAULT_OWN_ENTRIES_POOL = "10";
    public static final String DEFAULT_MAX_QUERY_TERMS = "16";
    public static final String DEFAULT_COMMON_TERM_SHARE = "0.02";
    public static final String DEFAULT_OWNER_BOOST = "0.3";
    public static final String DEFAULT_LIMIT = "10";

    /** The documented defaults, for code that runs without a Micronaut context (tools, tests). */
    public static RedundancyProperties defaults() {
        return new RedundancyProperties(false, Double.parseDouble(DEFAULT_STRONG_OVERLAP),
                Double.parseDouble(DEFAULT_POSSIBLE_OVERLAP), Integer.parseInt(DEFAULT_MIN_DESCRIPTION_WORDS),
                Integer.parseInt(DEFAULT_CANDIDATE_POOL), Integer.parseInt(DEFAULT_OWN_ENTRIES_POOL),
                Integer.parseInt(DEFAULT_MAX_QUERY_TERMS), Double.parseDouble(DEFAULT_COMMON_TERM_SHARE),
                Double.parseDouble(DEFAULT_OWNER_BOOST), Integer.parseInt(DEFAULT_LIMIT), null);
    }

    /** The search threads to use: the setting, else the number of available processors. */
    public int effectiveSearchThreads() {
        return searchThreads == null ? Runtime.getRuntime().availableProcessors() : searchThreads;
    }

    /** The thresholds the recommendation rules read. */
    public RecommendationRules.Thresholds thresholds() {
        return new RecommendationRules.Thresholds(strongOverlap, possibleOverlap, minDescriptionWords);
    }
}
