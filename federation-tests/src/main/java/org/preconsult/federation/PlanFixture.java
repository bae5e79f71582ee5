package org.preconsult.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans and systems as departments write them. */
public final class PlanFixture {

    private PlanFixture() {
    }

    static Map<String, Object> completePlan(String title) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", title);
        plan.put("purpose", "Let residents apply for building permits online and track the review of their application.");
        plan.put("functions", List.of("online application", "document upload", "status tracking"));
        plan.put("functionCode", "PERMITS");
        plan.put("budget", 120_000_000);
        plan.put("plannedStart", "2027-03-01");
        plan.put("plannedEnd", "2027-12-31");
        plan.put("platform", "Java web application on the municipal cloud");
        plan.put("language", "en");
        plan.put("submittingDepartment", "Urban Planning Department");
        plan.put("contactPerson", "Jane Doe, ext. 1234");
        plan.put("internalNotes", "Budget not yet approved by the council.");
        return plan;
    }

    static Map<String, Object> system(String name, String description) {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("name", name);
        system.put("description", description);
        system.put("functions", List.of("case management"));
        system.put("status", "OPERATING");
        system.put("language", "en");
        return system;
    }

    static Map<String, Object> decision(String outcome, String reason) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", outcome);
        decision.put("reasons", List.of(reason));
        // Kept only when the outcome departs from the recommendation.
        decision.put("overrideReason", "The reviewer's judgement in this scenario.");
        return decision;
    }
}
