package org.preconsult.federation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Gives a new demo federation several years of history before its node processes first start
 * ({@code ./deploy/demo/start-federation.sh --reset --history N}): it starts the demo's six nodes
 * in one JVM on the demo's own data directories ({@code <data-root>/<node-id>}, the same ids,
 * names, roles and tree), all reading one clock that starts on 4 January of the first year, plays a
 * {@link DemoHistory} of {@code years} calendar years through their HTTP API with
 * {@link DemoHistorySeeder}, ending at the real present, waits until central holds every record's
 * last version, and stops the nodes. The processes started afterwards open the same databases,
 * keys and certificates on the system clock.
 *
 * <p>Usage: {@code SeedDemoHistory <data-root> <years> [seed]}; the operator account is taken from
 * {@code PRECONSULT_OPERATOR_USERNAME} / {@code PRECONSULT_OPERATOR_PASSWORD}, as the demo gives it
 * to its processes. The data directories must be new: a history is played only into an empty demo.
 */
public final class SeedDemoHistory {

    /** The demo's local governments and their provinces (deploy/demo/lib.sh). */
    static final List<DemoHistory.Local> LOCALS = List.of(new DemoHistory.Local("city-a", "prov-north"),
            new DemoHistory.Local("city-b", "prov-north"), new DemoHistory.Local("county-c", "prov-south"));
    static final long DEFAULT_SEED = 2001;
    static final int MAX_YEARS = 10;
    private static final List<String> NODE_IDS = List.of("central", "prov-north", "prov-south", "city-a", "city-b", "county-c");

    private SeedDemoHistory() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("Usage: SeedDemoHistory <data-root> <years 1-" + MAX_YEARS + "> [seed]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath();
        int years = Integer.parseInt(args[1]);
        long seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        if (years < 1 || years > MAX_YEARS) {
            System.err.println("history: the number of years must be between 1 and " + MAX_YEARS);
            System.exit(2);
        }
        for (String id : NODE_IDS) {
            if (Files.exists(root.resolve(id).resolve(id + ".mv.db"))) {
                System.err.println("history: " + root.resolve(id) + " already holds a database; a history is played only into a new demo (--reset)");
                System.exit(2);
            }
        }
        String username = env("PRECONSULT_OPERATOR_USERNAME");
        String password = env("PRECONSULT_OPERATOR_PASSWORD");

        long started = System.nanoTime();
        Instant end = Instant.now();
        int firstYear = LocalDate.ofInstant(end, ZoneOffset.UTC).getYear() - years + 1;
        Instant start = LocalDate.of(firstYear, 1, 4).atTime(8, 0).toInstant(ZoneOffset.UTC);
        // The children's certificates are issued at the start of the history: valid through it and a
        // year beyond, as if issued today.
        long validityDays = Duration.between(start, end).toDays() + 365;
        var clock = new MutableClock(start);
        var history = DemoHistory.generate(seed, firstYear, years, LOCALS);
        System.out.printf("history: %d plans from %d to %s (seed %d) into %s%n", history.size(), firstYear,
                LocalDate.ofInstant(end, ZoneOffset.UTC), seed, root);

        int records;
        try (var federation = FederationFixture.standardTree(root, clock, Map.of(
                "preconsult.trust.certificate-validity", validityDays + "d",
                "preconsult.operator.username", username,
                "preconsult.operator.password", password))) {
            System.out.printf("history: six nodes started in %ds%n", seconds(started));
            new DemoHistorySeeder(federation, clock)
                    .onYear(year -> System.out.printf("history: playing %d (%ds)%n", year, seconds(started)))
                    .play(history, end);
            var central = federation.node("central");
            FederationFixture.await("every record's last version at central", Duration.ofMinutes(5), 200, () -> {
                long owners = LOCALS.stream().mapToLong(l -> federation.node(l.nodeId())
                        .count("SELECT COALESCE(SUM(version), 0) FROM plan_record")).sum();
                long records1 = LOCALS.stream().mapToLong(l -> federation.node(l.nodeId())
                        .count("SELECT COUNT(*) FROM plan_record")).sum();
                return central.count("SELECT COUNT(*) FROM plan_record") == records1
                        && central.count("SELECT COALESCE(SUM(version), 0) FROM plan_record") == owners;
            });
            records = (int) central.count("SELECT COUNT(*) FROM plan_record");
        }
        System.out.printf("history: %d decided plans recorded at central; nodes stopped after %ds%n", records, seconds(started));
        // Every node is closed and its database written; no thread of theirs may keep the JVM alive.
        System.exit(0);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            System.err.println("history: " + name + " must be set (the demo's operator account)");
            System.exit(2);
        }
        return value;
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }
}
