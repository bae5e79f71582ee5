package org.preconsult.plan.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How complete a plan is for review, from explicit rules. {@code score} is the share of rules
 * met (0..1); {@code missing} says, for each rule not met, what to add or fix.
 */
public record Completeness(double score, List<Missing> missing) {

    /** Shortest purpose a reviewer can judge: about two sentences. */
    public static final int MIN_PURPOSE_LENGTH = 40;

    /** One rule that is not met. */
    public record Missing(String field, String message) {
    }

    private record Rule(String field, String message, Predicate<PlanContent> met) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("title", "give the plan a title", c -> present(c.title())),
            new Rule("purpose", "describe the purpose in at least " + MIN_PURPOSE_LENGTH + " characters",
                    c -> present(c.purpose()) && c.purpose().strip().length() >= MIN_PURPOSE_LENGTH),
            new Rule("functions", "list at least one function the system will provide", c -> !c.functions().isEmpty()),
            new Rule("budget", "state a budget greater than zero",
                    c -> c.budget() != null && c.budget().compareTo(BigDecimal.ZERO) > 0),
            new Rule("plannedStart", "give the planned start date", c -> c.plannedStart() != null),
            new Rule("plannedEnd", "give a planned end date after the start",
                    c -> c.plannedEnd() != null && (c.plannedStart() == null || c.plannedEnd().isAfter(c.plannedStart()))),
            new Rule("platform", "name the platform or technology", c -> present(c.platform())));

    public static Completeness of(PlanContent content) {
        List<Missing> missing = new ArrayList<>();
        for (Rule rule : RULES) {
            if (!rule.met().test(content)) {
                missing.add(new Missing(rule.field(), rule.message()));
            }
        }
        double score = (RULES.size() - missing.size()) / (double) RULES.size();
        return new Completeness(Math.round(score * 100) / 100.0, List.copyOf(missing));
    }

    public boolean isComplete() {
        return missing.isEmpty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
