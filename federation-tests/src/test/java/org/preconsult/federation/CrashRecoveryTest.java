package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.preconsult.federation.faults.FaultRun;
import org.preconsult.federation.faults.NodeApi;
import org.preconsult.federation.faults.NodeProcesses;
import org.preconsult.federation.faults.NodeProcess;

/**
 * Crashes as an operator's bad day brings them: real node processes killed -9 at ordinary moments.
 * What a node acknowledged must survive, and the federation must neither lose nor duplicate a plan
 * or a decision, nor leave origin and deciding node disagreeing.
 */
class CrashRecoveryTest {

    @Test
    void draftsAcknowledgedJustBeforeAKill_allExistAfterTheRestart() throws Exception {
        var root = Files.createTempDirectory("preconsult-crash-");
        long seed = Long.getLong("faults.seed", System.nanoTime());
        System.out.println("Draft crash seed " + seed);
        var random = new Random(seed);
        var node = NodeProcesses.single(root);
        try {
            node.start();
            node.awaitUp(Duration.ofSeconds(120));
            var api = new NodeApi(node);
            api.createUser("coordinator", "COORDINATOR");
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                var reply = api.call("coordinator", "POST", "/api/v1/plans",
                        Map.of("title", "Draft " + i + " before the crash", "purpose", "Kept through a crash."), null);
                assertEquals(201, reply.status(), () -> "draft answered " + reply);
                acknowledged.add(reply.json().get("id").asText());
            }
            Thread.sleep(random.nextInt(101));
            node.kill();
            node.start();
            node.awaitUp(Duration.ofSeconds(120));
            long present = acknowledged.stream()
                    .filter(id -> api.get("coordinator", "/api/v1/plans/" + id).status() == 200).count();
            assertEquals(60, present, "acknowledged drafts that survived a kill -9 within 0-100 ms of the last answer");
        } finally {
            node.kill();
        }
    }

    @Test
    void nodesKilledWhilePlansGoUpAndDecisionsComeDown_nothingLostDuplicatedOrInconsistent() throws Exception {
        long seed = Long.getLong("faults.seed", System.currentTimeMillis());
        int plans = Integer.getInteger("faults.plans-per-local", 100);
        int kills = Integer.getInteger("faults.kills", 10);
        var run = new FaultRun(new FaultRun.Settings(seed, plans, kills, Duration.ofMillis(50), Duration.ofSeconds(30)),
                Files.createTempDirectory("preconsult-faults-"));
        var figures = run.run();
        System.out.println("Fault run: " + figures.summary());
        figures.problems().stream().limit(20).forEach(p -> System.out.println("  " + p));
        String replay = " (replay: -Dfaults.seed=" + seed + "; logs: " + run.logs().stream().map(Path::getParent).distinct().toList() + ")";
        assertEquals(0, figures.lostDrafts(), "acknowledged drafts lost" + replay);
        assertEquals(0, figures.lostPlans(), "acknowledged submissions never decided" + replay);
        assertEquals(0, figures.duplicated(), "plans decided twice" + replay);
        assertEquals(0, figures.inconsistent(), "plans whose origin disagrees with the deciding node" + replay);
        assertEquals(kills, figures.kills());
        assertEquals(2 * plans, figures.submitted());
        assertTrue(figures.convergedSeconds() >= 0 && figures.convergedSeconds() <= 30,
                "converged " + figures.convergedSeconds() + " s after the last restart or decision" + replay);
    }
}
