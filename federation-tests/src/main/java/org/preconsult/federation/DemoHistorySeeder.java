package org.preconsult.federation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plays a {@link DemoHistory} through a federation's HTTP API, in the order of its events, moving
 * the nodes' shared clock to each event's time: coordinators draft and submit, the deciding node's
 * reviewer decides (signed and sent down as always), coordinators report kickoffs, go-lives,
 * cancellations, deliverables' metadata and fulfilled conditions. Nothing is written around the API, so every invariant
 * of the nodes holds for the seeded history as for any other.
 */
final class DemoHistorySeeder {

    /** One thing that happens at a time. */
    private record Event(Instant at, int order, DemoHistory.PlannedPlan plan, Consumer<DemoHistory.PlannedPlan> action) {
    }

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final FederationFixture federation;
    private final MutableClock clock;
    private final Map<Integer, String> planIds = new HashMap<>();
    private java.util.function.IntConsumer yearStarted = year -> { };

    DemoHistorySeeder(FederationFixture federation, MutableClock clock) {
        this.federation = federation;
        this.clock = clock;
    }

    /** Tells the listener each time the played events reach a new calendar year (for progress reports). */
    DemoHistorySeeder onYear(java.util.function.IntConsumer listener) {
        this.yearStarted = listener;
        return this;
    }

    /** Plays the history up to {@code end} (events after it do not happen); returns the plan ids by number. */
    Map<Integer, String> play(List<DemoHistory.PlannedPlan> history, Instant end) {
        List<Event> events = new ArrayList<>();
        for (var p : history) {
            events.add(new Event(p.submittedAt(), 0, p, this::submit));
            events.add(new Event(p.decidedAt(), 1, p, this::decide));
            var after = p.afterwards();
            if (after.conditionFulfilledAt() != null) {
                events.add(new Event(after.conditionFulfilledAt(), 2, p, this::fulfil));
            }
            if (after.kickoffAt() != null) {
                events.add(new Event(after.kickoffAt(), 3, p, this::kickoff));
            }
            if (after.kickoffAt() != null) {
                deliverable(events, p, after.kickoffAt().plus(Duration.ofDays(20)), "REQUEST_FOR_PROPOSAL");
                deliverable(events, p, after.kickoffAt().plus(Duration.ofDays(60)), "EXECUTION_PLAN");
            }
            if (after.completedAt() != null) {
                events.add(new Event(after.completedAt(), 4, p, this::complete));
                deliverable(events, p, after.completedAt().plus(Duration.ofDays(14)), "FINAL_REPORT");
                deliverable(events, p, after.completedAt().plus(Duration.ofDays(14)), "USER_MANUAL");
            }
            if (after.cancelledAt() != null) {
                events.add(new Event(after.cancelledAt(), 4, p, this::cancel));
            }
        }
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::order)
                .thenComparingInt(e -> e.plan().number()));
        int year = Integer.MIN_VALUE;
        for (var e : events) {
            if (e.at().isAfter(end)) {
                break;
            }
            int eventYear = e.at().atZone(java.time.ZoneOffset.UTC).getYear();
            if (eventYear != year) {
                year = eventYear;
                yearStarted.accept(year);
            }
            moveTo(e.at());
            e.action().accept(e.plan());
        }
        moveTo(end);
        return Map.copyOf(planIds);
    }

    /** A deliverable's metadata recorded at a time, unless the plan was cancelled before. */
    private void deliverable(List<Event> events, DemoHistory.PlannedPlan p, Instant at, String kind) {
        var cancelled = p.afterwards().cancelledAt();
        if (cancelled != null && !at.isBefore(cancelled)) {
            return;
        }
        events.add(new Event(at, 5, p, plan -> deliver(plan, kind, at)));
    }

    private void deliver(DemoHistory.PlannedPlan p, String kind, Instant at) {
        String id = decidedAtOwner(p);
        String title = kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " of " + p.title();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("deliveredOn", DemoHistory.date(at).toString());
        body.put("sizeBytes", 100_000 + title.length() * 1_000L);
        body.put("checksum", sha256(title));
        local(p).put("COORDINATOR", "/api/v1/plans/" + id + "/lifecycle/deliverables/" + kind, body, Map.class);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void moveTo(Instant at) {
        Duration ahead = Duration.between(clock.instant(), at);
        if (!ahead.isNegative()) {
            clock.advance(ahead);
        }
    }

    private FederationFixture.Node local(DemoHistory.PlannedPlan p) {
        return federation.node(p.local().nodeId());
    }

    private void submit(DemoHistory.PlannedPlan p) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("title", p.title());
        plan.put("purpose", p.purpose());
        plan.put("functions", p.functions());
        plan.put("functionCode", "DEMO");
        plan.put("budget", p.budget());
        var start = DemoHistory.date(p.submittedAt()).plusMonths(2);
        plan.put("plannedStart", start.toString());
        plan.put("plannedEnd", start.plusMonths(10).toString());
        plan.put("platform", "Java web application");
        plan.put("language", "en");
        String id = (String) local(p).postJson("COORDINATOR", "/api/v1/plans", plan).get("id");
        local(p).postJson("COORDINATOR", "/api/v1/plans/" + id + "/submission", Map.of());
        planIds.put(p.number(), id);
    }

    @SuppressWarnings("unchecked")
    private void decide(DemoHistory.PlannedPlan p) {
        String id = planIds.get(p.number());
        var decider = federation.node(p.decider());
        FederationFixture.await("a case for plan " + p.number() + " at " + decider.id(), WAIT,
                () -> decider.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ? AND status = 'OPEN'", id) > 0);
        var cases = (List<Map<String, Object>>) decider.getJson("REVIEWER", "/api/v1/review-cases?status=OPEN&size=200")
                .get("items");
        var reviewCase = cases.stream().filter(c -> id.equals(((Map<String, Object>) c.get("plan")).get("planId")))
                .findFirst().orElseThrow();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("outcome", p.outcome());
        decision.put("reasons", List.of(switch (p.outcome()) {
            case "UNCONDITIONAL_APPROVAL" -> "No significant overlap with the catalogue.";
            case "CONDITIONAL_APPROVAL" -> "Overlaps a system that exists elsewhere.";
            case "DEFERRAL" -> "A national standard system is planned for this function.";
            default -> "The application is incomplete.";
        }));
        decision.put("overrideReason", "The reviewer's judgement, recorded in the demo history.");
        if (p.conditionDue() != null) {
            decision.put("conditions", List.of(Map.of("text", "Assess adoption of the existing system before procurement.",
                    "dueDate", p.conditionDue().toString())));
        }
        decider.postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision", decision);
    }

    /** Waits until the plan's owner has applied its decision (it travels down in seconds). */
    private String decidedAtOwner(DemoHistory.PlannedPlan p) {
        String id = planIds.get(p.number());
        var local = local(p);
        FederationFixture.await("plan " + p.number() + " decided at " + local.id(), WAIT,
                () -> local.count("SELECT COUNT(*) FROM plan_record WHERE plan_id = ?", id) > 0);
        return id;
    }

    @SuppressWarnings("unchecked")
    private void fulfil(DemoHistory.PlannedPlan p) {
        String id = decidedAtOwner(p);
        var conditions = (List<Map<String, Object>>) local(p).getJson("COORDINATOR", "/api/v1/plans/" + id).get("conditions");
        for (var c : conditions) {
            local(p).postJson("COORDINATOR", "/api/v1/plans/" + id + "/conditions/" + c.get("conditionId") + "/fulfilment",
                    Map.of("evidence", "Adoption assessed; the existing system was not suitable."));
        }
    }

    private void kickoff(DemoHistory.PlannedPlan p) {
        String id = decidedAtOwner(p);
        local(p).postJson("COORDINATOR", "/api/v1/plans/" + id + "/lifecycle/kickoff",
                Map.of("kickoffOn", p.afterwards().kickoffOn().toString()));
    }

    private void complete(DemoHistory.PlannedPlan p) {
        String id = decidedAtOwner(p);
        local(p).postJson("COORDINATOR", "/api/v1/plans/" + id + "/lifecycle/completion",
                Map.of("goLiveOn", DemoHistory.date(p.afterwards().completedAt()).toString()));
    }

    private void cancel(DemoHistory.PlannedPlan p) {
        String id = decidedAtOwner(p);
        local(p).postJson("COORDINATOR", "/api/v1/plans/" + id + "/lifecycle/cancellation",
                Map.of("reason", "The council withdrew the budget."));
    }
}
