package org.preconsult.federation.faults;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What durable commits cost: drafts per second through a node process's HTTP API with the
 * shipped H2 settings (WRITE_DELAY=0: a commit is written before it is acknowledged) next to H2's
 * default (WRITE_DELAY=500: commits written up to half a second later, lost in a crash), one
 * client and four concurrent clients. The two are run alternately, {@code rounds} times each.
 *
 * <p>{@code java -cp ... org.preconsult.federation.faults.DurableCommitBenchmark [drafts] [rounds]}
 */
public final class DurableCommitBenchmark {

    private DurableCommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int drafts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.out.printf("%-28s %8s %14s %14s%n", "database setting", "round", "1 client /s", "4 clients /s");
        for (int round = 1; round <= rounds; round++) {
            double[] lazy = measure(round, "WRITE_DELAY=500 (unsafe)", 500, drafts);
            double[] durable = measure(round, "WRITE_DELAY=0 (shipped)", 0, drafts);
            System.out.printf("%-28s %8d %14.2f %14.2f%n", "ratio durable / unsafe", round, durable[0] / lazy[0], durable[1] / lazy[1]);
        }
    }

    private static double[] measure(int round, String label, int writeDelay, int drafts) throws Exception {
        var root = Files.createTempDirectory("preconsult-commit-bench-");
        var url = "jdbc:h2:file:" + root.resolve("solo-db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=" + writeDelay;
        var node = new NodeProcess("solo", "Solo", "CENTRAL", null, root,
                Map.of("datasources.default.url", url, "preconsult.durability.allow-unsafe", "true"));
        try {
            node.start();
            node.awaitUp(Duration.ofSeconds(120));
            var api = new NodeApi(node);
            api.createUser("coordinator", "COORDINATOR");
            draft(api, 200, 1);
            double one = draft(api, drafts, 1);
            double four = draft(api, drafts, 4);
            System.out.printf("%-28s %8d %14.1f %14.1f%n", label, round, one, four);
            return new double[] {one, four};
        } finally {
            node.stop();
        }
    }

    /** Drafts per second with the given number of concurrent clients. */
    private static double draft(NodeApi api, int drafts, int clients) throws InterruptedException {
        var next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            var t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < drafts) {
                    var reply = api.call("coordinator", "POST", "/api/v1/plans",
                            Map.of("title", "Benchmark draft " + i, "purpose", "Measures commits."), null);
                    if (reply.status() != 201) {
                        throw new IllegalStateException("draft answered " + reply);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return drafts / ((System.nanoTime() - started) / 1e9);
    }
}
