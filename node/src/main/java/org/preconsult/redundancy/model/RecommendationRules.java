package org.preconsult.redundancy.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.common.model.Outcome;
import org.preconsult.common.model.RuleText;

/**
 * The rules that turn a plan and its ranked matches into a recommendation, one named function per
 * rule, applied in the order of the practice: an incomplete plan is returned before anything else;
 * a standard system defers the plan; another government's system or plan leads to a conditional
 * approval (adopt it); the applicant's own earlier entry is a re-registration, also approved only on
 * condition; otherwise the plan is approved unconditionally.
 *
 * <p>Scores are the calibrated 0..1 match scores, so the thresholds mean the same for every plan.
 */
public final class RecommendationRules {

    /** Thresholds of the rules; see {@code docs/redundancy.md} for their defaults and meaning. */
    public record Thresholds(double strongOverlap, double possibleOverlap, int minDescriptionWords) {
        public Thresholds {
            if (!(possibleOverlap >= 0 && possibleOverlap <= strongOverlap && strongOverlap <= 1)) {
                throw new IllegalArgumentException("Need 0 <= possibleOverlap <= strongOverlap <= 1");
            }
            if (minDescriptionWords < 1) {
                throw new IllegalArgumentException("minDescriptionWords must be at least 1");
            }
        }
    }

    static final RuleText.Template INCOMPLETE = new RuleText.Template("rule.incomplete", "The plan is incomplete; add: {0}.");
    static final RuleText.Template MISSING_FUNCTIONS = new RuleText.Template("rule.missingFunctions",
            "functions (or a description of at least {0} words)");
    static final RuleText.Template STANDARD = new RuleText.Template("rule.standard",
            "Overlaps the standard system '{0}' ({1}, {2}, score {3}): wait for it or adopt it instead of building.");
    static final RuleText.Template ADOPT_PLAN = new RuleText.Template("rule.adoptPlan",
            "Overlaps the plan '{0}' ({1}) of {2}, score {3}: condition: adopt it, customizing as needed, and inform its owner of changes.");
    static final RuleText.Template ADOPT_SYSTEM = new RuleText.Template("rule.adoptSystem",
            "Overlaps the existing system '{0}' ({1}) of {2}, score {3}: condition: adopt it, customizing as needed, and inform its owner of changes.");
    static final RuleText.Template RE_REGISTRATION = new RuleText.Template("rule.reRegistration",
            "Re-registration: the applicant's own earlier entry '{0}' ({1}, {2}, score {3}) describes the same project.");
    static final RuleText.Template REVISION_CONDITION = new RuleText.Template("rule.revisionCondition",
            "Condition: register this as a revision of the earlier entry (and update its lifecycle status), or state why it replaces it.");
    static final RuleText.Template NO_OVERLAP = new RuleText.Template("rule.noOverlap",
            "No catalogue entry overlaps strongly (threshold {0}).");
    static final RuleText.Template POSSIBLE = new RuleText.Template("rule.possible",
            "Possible overlap to look at: '{0}' ({1}, {2}, score {3}).");
    /** What the reasons say of an entry whose owner has no name. */
    public static final String UNNAMED_OWNER = "an unnamed owner";

    /** Every text these rules write, for pages that show the reasons in their reader's language. */
    public static final List<RuleText.Template> TEXTS = List.of(INCOMPLETE, MISSING_FUNCTIONS, STANDARD, ADOPT_PLAN,
            ADOPT_SYSTEM, RE_REGISTRATION, REVISION_CONDITION, NO_OVERLAP, POSSIBLE);

    private RecommendationRules() {
    }

    /** Applies the rules in order and returns the first that decides. */
    public static Recommendation recommend(PlanDraft plan, List<Match> matches, Thresholds thresholds) {
        List<String> missing = missingFields(plan, thresholds.minDescriptionWords());
        if (!missing.isEmpty()) {
            return returnIncomplete(missing);
        }
        List<Match> strong = matches.stream().filter(m -> m.score() >= thresholds.strongOverlap()).toList();
        Optional<Match> ownEarlier = strong.stream().filter(RecommendationRules::isOwnEntry).findFirst();
        Optional<Match> standard = strong.stream()
                .filter(m -> m.kind() == EntryKind.STANDARD_SYSTEM && !isOwnEntry(m)).findFirst();
        if (standard.isPresent()) {
            return deferForStandard(standard.get(), ownEarlier, thresholds);
        }
        Optional<Match> elsewhere = strong.stream().filter(m -> !isOwnEntry(m)).findFirst();
        if (elsewhere.isPresent()) {
            return adoptExisting(elsewhere.get(), ownEarlier, thresholds);
        }
        if (ownEarlier.isPresent()) {
            return reRegistration(ownEarlier.get(), thresholds);
        }
        return approve(matches, thresholds);
    }

    /**
     * The fields review cannot do without: a title, an owner, and either a list of functions or a
     * description long enough to compare ({@code minDescriptionWords}). Counts words in scripts
     * without spaces (Chinese, Japanese) as one word per two characters.
     */
    public static List<String> missingFields(PlanDraft plan, int minDescriptionWords) {
        List<String> missing = new ArrayList<>();
        if (isBlank(plan.title())) {
            missing.add("title");
        }
        if (isBlank(plan.owner())) {
            missing.add("owner");
        }
        if (isBlank(plan.description())) {
            missing.add("description");
        } else if (plan.functions().isEmpty() && wordCount(plan.description()) < minDescriptionWords) {
            missing.add(MISSING_FUNCTIONS.fill(minDescriptionWords));
        }
        return missing;
    }

    /** Incomplete plans are not reviewed; the reasons name what to add. */
    static Recommendation returnIncomplete(List<String> missing) {
        return new Recommendation(Outcome.RETURN,
                List.of(INCOMPLETE.fill(String.join(", ", missing))), null, 1.0);
    }

    /** A standard system that a central agency plans or distributes makes a local build wasted. */
    static Recommendation deferForStandard(Match standard, Optional<Match> ownEarlier, Thresholds t) {
        List<String> reasons = new ArrayList<>();
        reasons.add(STANDARD.fill(standard.name(), standard.entryId(), ownerText(standard), percent(standard.score())));
        ownEarlier.ifPresent(own -> reasons.add(reRegistrationReason(own)));
        return new Recommendation(Outcome.DEFERRAL, reasons, standard, alarmConfidence(standard.score(), t));
    }

    /** Another government already has (or is building) the system: adopt and customize it. */
    static Recommendation adoptExisting(Match existing, Optional<Match> ownEarlier, Thresholds t) {
        List<String> reasons = new ArrayList<>();
        var text = existing.kind() == EntryKind.PLAN ? ADOPT_PLAN : ADOPT_SYSTEM;
        reasons.add(text.fill(existing.name(), existing.entryId(), ownerText(existing), percent(existing.score())));
        ownEarlier.ifPresent(own -> reasons.add(reRegistrationReason(own)));
        return new Recommendation(Outcome.CONDITIONAL_APPROVAL, reasons, existing,
                alarmConfidence(existing.score(), t));
    }

    /**
     * The applicant registers again what it registered before. It is a duplicate all the same: the
     * approval is conditional on continuing (and updating) the earlier entry instead of starting a
     * second system, or on stating why the earlier one is replaced.
     */
    static Recommendation reRegistration(Match own, Thresholds t) {
        List<String> reasons = List.of(reRegistrationReason(own), REVISION_CONDITION.fill());
        return new Recommendation(Outcome.CONDITIONAL_APPROVAL, reasons, own, alarmConfidence(own.score(), t));
    }

    /** No strong overlap: go ahead; weaker overlaps are listed for the reviewer to look at. */
    static Recommendation approve(List<Match> matches, Thresholds t) {
        List<String> reasons = new ArrayList<>();
        reasons.add(NO_OVERLAP.fill(percent(t.strongOverlap())));
        matches.stream().filter(m -> m.score() >= t.possibleOverlap()).limit(3).forEach(m -> reasons.add(
                POSSIBLE.fill(m.name(), m.entryId(), ownerText(m), percent(m.score()))));
        double top = matches.isEmpty() ? 0 : matches.get(0).score();
        double confidence = clamp(0.5 + 0.5 * (t.strongOverlap() - top) / t.strongOverlap());
        return new Recommendation(Outcome.UNCONDITIONAL_APPROVAL, reasons, null, confidence);
    }

    /** 0.5 at the threshold, 1.0 at a perfect score: how far the case is from a borderline one. */
    static double alarmConfidence(double score, Thresholds t) {
        double room = 1 - t.strongOverlap();
        return room <= 0 ? 1.0 : clamp(0.5 + 0.5 * (score - t.strongOverlap()) / room);
    }

    static boolean isOwnEntry(Match m) {
        return m.evidence() != null && m.evidence().sameOwner();
    }

    private static String reRegistrationReason(Match own) {
        return RE_REGISTRATION.fill(own.name(), own.entryId(), own.kind(), percent(own.score()));
    }

    private static String ownerText(Match m) {
        return isBlank(m.owner()) ? UNNAMED_OWNER : m.owner();
    }

    private static String percent(double score) {
        return Math.round(score * 100) + "%";
    }

    static int wordCount(String text) {
        int words = 0;
        int ideographs = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA) {
                ideographs++;
                inWord = false;
            } else if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return words + (ideographs + 1) / 2;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
