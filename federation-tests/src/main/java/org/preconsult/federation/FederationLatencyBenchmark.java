package org.preconsult.federation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures how long a plan takes to travel up and a decision to travel down in a real federation
 * of six nodes on loopback (1 central, 2 provincial, 3 local; H2 files; gRPC between nodes).
 *
 * <p>Two paths side by side: a provincial government's own plan (one hop to central: the baseline)
 * and a local government's plan above the provincial threshold (two hops, with the province's
 * preliminary check). For each: submission until the case is open at central, and decision at
 * central until it is visible at the plan's owner. Arguments: plans per path (default 30).
 *
 * <p>Run: see docs/benchmarks.md.
 */
public final class FederationLatencyBenchmark {

    private FederationLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int plans = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (var federation = FederationFixture.standardTree()) {
            var central = federation.node("central");
            List<FederationFixture.Node> locals = federation.locals();
            var province = federation.node("prov-north");
            // Warm-up: class loading, JIT, first index searches.
            run(federation, central, province, 5);
            run(federation, central, locals.get(0), 5);

            var oneHop = run(federation, central, province, plans);
            List<long[]> twoHops = new ArrayList<>();
            for (int i = 0; i < plans; i++) {
                twoHops.addAll(run(federation, central, locals.get(i % locals.size()), 1));
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%d plans per path, %d processors%n", plans, Runtime.getRuntime().availableProcessors());
            System.out.println("| path | up: submitted → case open at central, p50 / p95 / max (ms) "
                    + "| down: decided → visible at owner, p50 / p95 / max (ms) |");
            System.out.println("|---|---|---|");
            row("provincial plan, 1 hop (baseline)", oneHop);
            row("local plan, 2 hops via province", twoHops);
            System.out.printf(Locale.ROOT, "ratio 2 hops / 1 hop, p50: up %.2f×, down %.2f×%n",
                    p(column(twoHops, 0), 0.5) / (double) p(column(oneHop, 0), 0.5),
                    p(column(twoHops, 1), 0.5) / (double) p(column(oneHop, 1), 0.5));
        }
    }

    /** Submits and decides {@code count} plans of {@code owner}; returns {up ms, down ms} per plan. */
    private static List<long[]> run(FederationFixture federation, FederationFixture.Node central,
                                    FederationFixture.Node owner, int count) {
        List<long[]> timings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var plan = PlanFixture.completePlan("Latency plan " + owner.id() + " " + System.nanoTime());
            plan.put("budget", 500_000_000);
            String id = (String) owner.postJson("COORDINATOR", "/api/v1/plans", plan).get("id");
            long submitted = System.nanoTime();
            owner.postJson("COORDINATOR", "/api/v1/plans/" + id + "/submission", Map.of());
            FederationFixture.await("case at central", Duration.ofSeconds(30), 5,
                    () -> central.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", id) == 1);
            long up = (System.nanoTime() - submitted) / 1_000_000;
            String caseId = central.text("SELECT id FROM review_case WHERE plan_id = ?", id);
            long decided = System.nanoTime();
            central.postJson("REVIEWER", "/api/v1/review-cases/" + caseId + "/decision",
                    PlanFixture.decision("UNCONDITIONAL_APPROVAL", "Latency measurement."));
            FederationFixture.await("decision at owner", Duration.ofSeconds(30), 5,
                    () -> owner.count("SELECT COUNT(*) FROM plan_decision WHERE plan_id = ?", id) == 1);
            long down = (System.nanoTime() - decided) / 1_000_000;
            timings.add(new long[] {up, down});
        }
        return timings;
    }

    private static void row(String name, List<long[]> timings) {
        var up = column(timings, 0);
        var down = column(timings, 1);
        System.out.printf(Locale.ROOT, "| %s | %d / %d / %d | %d / %d / %d |%n", name,
                p(up, 0.5), p(up, 0.95), p(up, 1.0), p(down, 0.5), p(down, 0.95), p(down, 1.0));
    }

    private static List<Long> column(List<long[]> timings, int index) {
        List<Long> values = new ArrayList<>();
        timings.forEach(t -> values.add(t[index]));
        Collections.sort(values);
        return values;
    }

    private static long p(List<Long> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
