package org.preconsult.federation.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bad day for the federation, with real node processes: two local governments submit plans
 * while reviewers at the province and at central decide them, and nodes are killed -9 at random
 * moments and started again. Afterwards every plan a local acknowledged must be there, decided
 * exactly once, with the same outcome at the origin as at the deciding node.
 *
 * <p>Everything random comes from one seed, printed first, so a failing run can be replayed
 * ({@code -Dfaults.seed=...}). Run as a program for the soak run:
 * {@code java -cp ... org.preconsult.federation.faults.FaultRun <plansPerLocal> <kills> [seed]}.
 */
public final class FaultRun {

    /** How big the run is. */
    public record Settings(long seed, int plansPerLocal, int kills, Duration planInterval, Duration convergeWithin) {
    }

    /** What the run found; a correct federation has zero lost, duplicated and inconsistent. */
    public record Figures(long seed, int drafted, int submitted, int decided, int kills, int lostDrafts, int lostPlans,
                          int duplicated, int inconsistent, double convergedSeconds, double runSeconds,
                          Map<String, Long> conflicts, List<String> problems) {

        public String summary() {
            return String.format(java.util.Locale.ROOT,
                    "seed=%d drafted=%d submitted=%d decided=%d kills=%d lostDrafts=%d lostPlans=%d duplicated=%d"
                            + " inconsistent=%d converged=%.1fs run=%.1fs conflicts=%s",
                    seed, drafted, submitted, decided, kills, lostDrafts, lostPlans, duplicated, inconsistent,
                    convergedSeconds, runSeconds, conflicts);
        }
    }

    private static final Map<String, String> STATUS_OF = Map.of(
            "UNCONDITIONAL_APPROVAL", "APPROVED", "CONDITIONAL_APPROVAL", "CONDITIONALLY_APPROVED",
            "DEFERRAL", "DEFERRED", "RETURN", "RETURNED");
    private static final String[] OUTCOMES = {"UNCONDITIONAL_APPROVAL", "CONDITIONAL_APPROVAL", "DEFERRAL", "RETURN"};

    private final Settings settings;
    private final Path root;
    private final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
    private final Map<String, NodeApi> apis = new LinkedHashMap<>();
    /** Drafts acknowledged: plan id → local. */
    private final Map<String, String> drafted = new ConcurrentHashMap<>();
    /** Submissions acknowledged: plan id → local. */
    private final Map<String, String> submitted = new ConcurrentHashMap<>();
    /** Decisions acknowledged to a reviewer: plan id → outcome (the deciding node must show the same). */
    private final Map<String, String> decidedOutcome = new ConcurrentHashMap<>();
    
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicLong lastEvent = new AtomicLong(System.nanoTime());
    private final AtomicInteger kills = new AtomicInteger();

    public FaultRun(Settings settings, Path root) {
        this.settings = settings;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        int plans = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.currentTimeMillis();
        var figures = new FaultRun(new Settings(seed, plans, kills, Duration.ofMillis(50), Duration.ofSeconds(30)),
                Files.createTempDirectory("preconsult-soak-")).run();
        System.out.println(figures.summary());
        figures.problems().stream().limit(20).forEach(System.out::println);
        System.exit(figures.lostDrafts() + figures.lostPlans() + figures.duplicated() + figures.inconsistent() == 0 ? 0 : 1);
    }

    /** Runs the whole scenario and stops every process, whatever happens. */
    public Figures run() throws InterruptedException {
        System.out.println("Fault run seed " + settings.seed() + " (replay with -Dfaults.seed=" + settings.seed() + ")");
        long started = System.nanoTime();
        try {
            startTree();
            return exercise(started);
        } finally {
            nodes.values().forEach(NodeProcess::kill);
        }
    }

    private void startTree() {
        Map<String, String> fast = Map.of(
                "preconsult.sync.backoff-initial", "100ms", "preconsult.sync.backoff-max", "1s",
                "preconsult.sync.pull-deadline", "10s", "preconsult.sync.heartbeat", "1s",
                "preconsult.sync.idle-poll", "200ms", "preconsult.sync.reconcile-every", "5s");
        add(new NodeProcess("central", "Ministry", "CENTRAL", null, root, fast));
        add(new NodeProcess("prov", "Province", "PROVINCIAL", nodes.get("central"), root, fast));
        add(new NodeProcess("local-a", "City A", "LOCAL", nodes.get("prov"), root, fast));
        add(new NodeProcess("local-b", "City B", "LOCAL", nodes.get("prov"), root, fast));
        nodes.values().forEach(NodeProcess::start);
        nodes.values().forEach(n -> n.awaitUp(Duration.ofSeconds(120)));
        apis.get("central").createUser("reviewer", "REVIEWER");
        apis.get("prov").createUser("reviewer", "REVIEWER");
        apis.get("local-a").createUser("coordinator", "COORDINATOR");
        apis.get("local-b").createUser("coordinator", "COORDINATOR");
    }

    private void add(NodeProcess node) {
        nodes.put(node.id(), node);
        apis.put(node.id(), new NodeApi(node));
    }

    private Figures exercise(long started) throws InterruptedException {
        var stopDeciding = new AtomicBoolean();
        List<Thread> submitters = new ArrayList<>();
        for (String local : List.of("local-a", "local-b")) {
            submitters.add(thread("submit-" + local, () -> submitPlans(local)));
        }
        var deciders = List.of(thread("decide-prov", () -> decide("prov", stopDeciding)),
                thread("decide-central", () -> decide("central", stopDeciding)));
        var killer = thread("killer", this::killAtRandom);
        for (Thread t : submitters) {
            t.join();
        }
        killer.join();
        long quietFrom = System.nanoTime();
        // Reviewers keep deciding until every acknowledged submission has its decision at home.
        double converged = awaitConvergence(quietFrom);
        stopDeciding.set(true);
        for (Thread t : deciders) {
            t.join();
        }
        return check(converged, (System.nanoTime() - started) / 1e9);
    }

    private static Thread thread(String name, Runnable body) {
        var t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ------------------------------------------------------------------ the workload

    private void submitPlans(String local) {
        var api = apis.get(local);
        for (int i = 0; i < settings.plansPerLocal(); i++) {
            String key = settings.seed() + "-" + local + "-" + i;
            boolean large = i % 2 == 1;
            var plan = Map.of(
                    "title", "Plan " + i + " of " + local + (large ? ": national records exchange" : ": permit desk"),
                    "purpose", "Serve residents of " + local + " with service number " + i + " online and track requests.",
                    "functions", List.of("online application", "status tracking", "case " + (i % 7)),
                    "functionCode", large ? "RECORDS" : "PERMITS",
                    "budget", large ? 120_000_000 : 20_000_000,
                    "plannedStart", "2027-03-01", "plannedEnd", "2027-12-31",
                    "platform", "Java web application", "language", "en");
            String id = untilAnswered(() -> {
                var reply = api.call("coordinator", "POST", "/api/v1/plans", plan, Map.of("Idempotency-Key", key));
                if (!reply.ok()) {
                    throw new IllegalStateException("draft refused: " + reply);
                }
                return reply.json().get("id").asText();
            });
            drafted.put(id, local);
            untilAnswered(() -> {
                var reply = api.call("coordinator", "POST", "/api/v1/plans/" + id + "/submission", null, null);
                if (!reply.ok() && reply.status() != 409) {
                    throw new IllegalStateException("submission refused: " + reply);
                }
                submitted.put(id, local);
                return null;
            });
            lastEvent.set(System.nanoTime());
            NodeProcess.sleep(settings.planInterval().toMillis());
        }
    }

    private void decide(String reviewing, AtomicBoolean stop) {
        var api = apis.get(reviewing);
        while (!stop.get()) {
            try {
                var reply = api.get("reviewer", "/api/v1/review-cases?status=OPEN&size=200");
                if (reply.ok()) {
                    for (JsonNode c : items(reply.json())) {
                        decideCase(api, c);
                    }
                }
            } catch (NodeApi.Unanswered | IllegalStateException e) {
                // the node is down or restarting; try again shortly
            }
            NodeProcess.sleep(300);
        }
    }

    private void decideCase(NodeApi api, JsonNode c) {
        String caseId = c.get("id").asText();
        String planId = c.get("plan").get("planId").asText();
        String outcome = OUTCOMES[Math.floorMod((planId + settings.seed()).hashCode(), OUTCOMES.length)];
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("reasons", List.of("Decided during the fault run."));
        body.put("overrideReason", "The fault run decides by plan, not by recommendation.");
        if (outcome.equals("CONDITIONAL_APPROVAL")) {
            body.put("conditions", List.of(Map.of("text", "Report the adoption assessment.")));
        }
        var reply = api.call("reviewer", "POST", "/api/v1/review-cases/" + caseId + "/decision", body, null);
        if (reply.ok() || reply.status() == 409) {
            decidedOutcome.put(planId, outcome);
            lastEvent.set(System.nanoTime());
        } else {
            problems.add("decision on case " + caseId + " at " + api.node().id() + " refused: " + reply);
        }
    }

    private static Iterable<JsonNode> items(JsonNode page) {
        for (String name : new String[] {"items", "entries", "content"}) {
            if (page != null && page.has(name)) {
                return page.get(name);
            }
        }
        return List.of();
    }

    private void killAtRandom() {
        var random = new Random(settings.seed());
        var ids = new ArrayList<>(nodes.keySet());
        for (int k = 0; k < settings.kills(); k++) {
            NodeProcess.sleep(1000 + random.nextInt(2500));
            var node = nodes.get(ids.get(random.nextInt(ids.size())));
            node.kill();
            kills.incrementAndGet();
            NodeProcess.sleep(random.nextInt(1000));
            node.start();
            node.awaitUp(Duration.ofSeconds(120));
            lastEvent.set(System.nanoTime());
        }
    }

    /** Retries a call the node did not answer (it is down): the client cannot tell whether it took effect. */
    private static <T> T untilAnswered(java.util.function.Supplier<T> call) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            try {
                return call.get();
            } catch (NodeApi.Unanswered | IllegalStateException e) {
                if (e instanceof IllegalStateException && !(e.getMessage() != null && e.getMessage().startsWith("Sign-in"))
                        && !e.getMessage().contains("status=5")) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                NodeProcess.sleep(200);
            }
        }
    }

    // ------------------------------------------------------------------ the checks

    /** A decided case as its deciding node shows it. */
    private record DecidedCase(String node, String caseId, String outcome) {
    }

    /** Every decided case at the reviewing nodes, by plan id (a plan decided twice has two). */
    private Map<String, List<DecidedCase>> decidedCases() {
        Map<String, List<DecidedCase>> byPlan = new LinkedHashMap<>();
        for (String reviewing : List.of("prov", "central")) {
            var api = apis.get(reviewing);
            for (int page = 0; ; page++) {
                String uri = "/api/v1/review-cases?status=DECIDED&size=200&page=" + page;
                var reply = untilAnswered(() -> api.get("reviewer", uri));
                if (!reply.ok()) {
                    throw new IllegalStateException("cases at " + reviewing + ": " + reply);
                }
                int count = 0;
                for (JsonNode c : items(reply.json())) {
                    count++;
                    byPlan.computeIfAbsent(c.get("plan").get("planId").asText(), p -> new ArrayList<>())
                            .add(new DecidedCase(reviewing, c.get("id").asText(), c.get("decision").get("outcome").asText()));
                }
                if (count < 200) {
                    break;
                }
            }
        }
        return byPlan;
    }

    /** Seconds from the last kill or decision until every submitted plan carries its decision at home. */
    private double awaitConvergence(long quietFrom) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (settledAtHome(decidedCases())) {
                    return Math.max(0, (System.nanoTime() - Math.max(quietFrom, lastEvent.get())) / 1e9);
                }
            } catch (RuntimeException e) {
                // a node is still starting; look again
            }
            NodeProcess.sleep(500);
        }
        return -1;
    }

    private boolean settledAtHome(Map<String, List<DecidedCase>> decided) {
        for (var plan : submitted.entrySet()) {
            var cases = decided.get(plan.getKey());
            if (cases == null || cases.isEmpty()) {
                return false;
            }
            var reply = apis.get(plan.getValue()).get("coordinator", "/api/v1/plans/" + plan.getKey());
            if (!reply.ok() || !STATUS_OF.get(cases.get(0).outcome()).equals(reply.json().get("status").asText())) {
                return false;
            }
        }
        return true;
    }

    private Figures check(double converged, double runSeconds) {
        int lostDrafts = 0;
        int lostPlans = 0;
        int duplicated = 0;
        int inconsistent = 0;
        for (var draft : drafted.entrySet()) {
            var reply = apis.get(draft.getValue()).get("coordinator", "/api/v1/plans/" + draft.getKey());
            if (reply.status() == 404) {
                lostDrafts++;
                problems.add("acknowledged draft " + draft.getKey() + " is gone at " + draft.getValue());
            }
        }
        var decided = decidedCases();
        int decisions = 0;
        for (var plan : submitted.entrySet()) {
            var reply = apis.get(plan.getValue()).get("coordinator", "/api/v1/plans/" + plan.getKey());
            var cases = decided.getOrDefault(plan.getKey(), List.of());
            decisions += cases.size();
            if (!reply.ok()) {
                lostPlans++;
                problems.add("submitted plan " + plan.getKey() + " is gone at " + plan.getValue());
                continue;
            }
            String status = reply.json().get("status").asText();
            if (cases.isEmpty()) {
                lostPlans++;
                problems.add("plan " + plan.getKey() + " of " + plan.getValue() + " has no decided case at any reviewing node"
                        + " (status at home " + status + ")");
                continue;
            }
            if (cases.size() > 1) {
                duplicated++;
                problems.add("plan " + plan.getKey() + " was decided in more than one case: " + cases);
            }
            var atHome = reply.json().get("decisions");
            if (atHome != null && atHome.size() > 1) {
                duplicated++;
                problems.add("plan " + plan.getKey() + " carries " + atHome.size() + " decisions at home");
            }
            String acknowledged = decidedOutcome.get(plan.getKey());
            if (acknowledged != null && !acknowledged.equals(cases.get(0).outcome())) {
                inconsistent++;
                problems.add("the decision acknowledged on plan " + plan.getKey() + " was " + acknowledged
                        + ", the deciding node shows " + cases.get(0));
            }
            if (!STATUS_OF.get(cases.get(0).outcome()).equals(status)) {
                inconsistent++;
                problems.add("plan " + plan.getKey() + " is " + status + " at " + plan.getValue() + " but "
                        + cases.get(0).node() + " decided " + cases.get(0).outcome());
            }
        }
        Map<String, Long> conflicts = new LinkedHashMap<>();
        for (var api : apis.values()) {
            try {
                var health = api.health();
                conflicts.put(api.node().id(), health.ok() && health.json().has("conflicts") ? health.json().get("conflicts").asLong() : -1);
            } catch (RuntimeException e) {
                conflicts.put(api.node().id(), -1L);
            }
        }
        return new Figures(settings.seed(), drafted.size(), submitted.size(), decisions, kills.get(), lostDrafts,
                lostPlans, duplicated, inconsistent, converged, runSeconds, conflicts, List.copyOf(problems));
    }

    /** The nodes' logs, for a failure report. */
    public List<Path> logs() {
        List<Path> logs = new ArrayList<>();
        nodes.values().forEach(n -> logs.addAll(n.logs()));
        return logs;
    }

    /** Lines at WARN or ERROR in every log of the run. */
    public long warnings() {
        long count = 0;
        for (Path log : logs()) {
            try {
                count += Files.readAllLines(log).stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).count();
            } catch (IOException e) {
                // a log that was never written
            }
        }
        return count;
    }
}
