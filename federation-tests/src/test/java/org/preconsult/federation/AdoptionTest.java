package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Adoption as a transaction between two governments in different provinces, across the six nodes:
 * City B asks to adopt County C's system, County C accepts, both record it and show City B under
 * "used by", change notices travel both ways, City B's condition "adopt the system" is fulfilled by
 * the completed adoption (and seen so at the province that imposed it), and City A, off the route,
 * never receives any of it.
 */
class AdoptionTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2027-03-01T09:00:00Z"));
    static final Duration WAIT = Duration.ofSeconds(30);
    static FederationFixture federation;

    @BeforeAll
    static void startFederation() {
        federation = FederationFixture.standardTree(CLOCK);
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    static Map<String, Object> adoptionAt(FederationFixture.Node node, String id) {
        return items(node.getJson("COORDINATOR", "/api/v1/adoptions")).stream().filter(a -> id.equals(a.get("id")))
                .findFirst().orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    static List<String> usedBy(FederationFixture.Node node, String entryId) {
        var entry = node.getJson("SUBMITTER", "/api/v1/catalogue/entries/" + entryId);
        return ((List<Map<String, Object>>) entry.get("relations")).stream().filter(r -> "USED_BY".equals(r.get("type")))
                .map(r -> (String) r.get("target")).toList();
    }

    static long noticesAt(FederationFixture.Node node, String adoptionId) {
        return items(node.getJson("COORDINATOR", "/api/v1/adoption-notices")).stream()
                .filter(n -> adoptionId.equals(n.get("adoptionId"))).count();
    }

    @Test
    @SuppressWarnings("unchecked")
    void localsInDifferentProvinces_adoptWithNoticesBothWays_andTheAdoptionFulfilsTheCondition() {
        var countyC = federation.node("county-c");
        var cityB = federation.node("city-b");
        var cityA = federation.node("city-a");
        var north = federation.node("prov-north");

        // County C's system reaches City B's catalogue.
        var original = countyC.postJson("COORDINATOR", "/api/v1/systems", PlanFixture.system("Library loans",
                "Lend books and e-books across the county's libraries, with reservations and reminders."));
        String entry = "county-c:system:" + original.get("id");
        FederationFixture.await("County C's system at city-b", WAIT,
                () -> cityB.count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ?", entry) == 1);

        // City B's plan is conditionally approved by its province: adopt County C's system.
        var plan = PlanFixture.completePlan("Library lending for City B");
        plan.put("budget", 20_000_000);
        String planId = ReviewProcedureTest.submit(cityB, plan);
        var reviewCase = ReviewProcedureTest.caseOf(north, planId);
        var decision = PlanFixture.decision("CONDITIONAL_APPROVAL", "County C already runs library loans.");
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("text", "Adopt County C's library loans system instead of building one.");
        condition.put("entryId", entry);
        decision.put("conditions", List.of(condition));
        north.postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision", decision);
        ReviewProcedureTest.awaitStatus(cityB, planId, "CONDITIONALLY_APPROVED");

        // City B keeps its customized copy as a system of its own, and asks to adopt.
        var copy = cityB.postJson("COORDINATOR", "/api/v1/systems", PlanFixture.system("Library loans (City B)",
                "County C's library loans, customized for City B's two libraries."));
        String copyEntry = "city-b:system:" + copy.get("id");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("entryId", entry);
        request.put("copyEntryId", copyEntry);
        request.put("motivation", "Our review asks us to adopt it; we would run it for two libraries.");
        long requested = System.nanoTime();
        var asked = cityB.postJson("COORDINATOR", "/api/v1/adoptions", request);
        String adoptionId = (String) asked.get("id");
        assertEquals("REQUESTED", asked.get("state"));
        FederationFixture.await("the request at county-c", WAIT, 20, () -> "REQUESTED".equals(adoptionAt(countyC, adoptionId).get("state")));
        long requestSeenMs = (System.nanoTime() - requested) / 1_000_000;
        assertEquals("incoming", adoptionAt(countyC, adoptionId).get("direction"));

        long accepted = System.nanoTime();
        var answered = countyC.postJson("OPERATOR", "/api/v1/adoptions/" + adoptionId + "/acceptance",
                Map.of("reason", "Welcome; we share the updates."));
        assertEquals("ACCEPTED", answered.get("state"));
        FederationFixture.await("the acceptance at city-b", WAIT, 20, () -> "ACCEPTED".equals(adoptionAt(cityB, adoptionId).get("state")));
        long acceptSeenMs = (System.nanoTime() - accepted) / 1_000_000;
        System.out.printf("Adoption across provinces: request seen at the owner after %d ms, acceptance seen at the adopter after %d ms%n",
                requestSeenMs, acceptSeenMs);

        // Recorded at both, with City B under "used by" in both catalogues.
        assertTrue(usedBy(countyC, entry).contains("City B (city-b)"), usedBy(countyC, entry).toString());
        assertTrue(usedBy(cityB, entry).contains("City B (city-b)"), usedBy(cityB, entry).toString());
        // The owner's entry, in a new version, carries its users to every other catalogue too.
        for (String nodeId : List.of("central", "prov-north", "prov-south", "city-a")) {
            var node = federation.node(nodeId);
            FederationFixture.await("City B under \"used by\" at " + nodeId, WAIT,
                    () -> usedBy(node, entry).contains("City B (city-b)"));
        }
        System.out.printf("\"Used by\" reached all 6 catalogues %d ms after the acceptance%n",
                (System.nanoTime() - accepted) / 1_000_000);

        // The completed adoption fulfils City B's condition, and the province that imposed it sees so.
        var conditions = (List<Map<String, Object>>) cityB.getJson("COORDINATOR", "/api/v1/plans/" + planId).get("conditions");
        assertEquals("FULFILLED", conditions.get(0).get("status"), conditions.toString());
        FederationFixture.await("the fulfilled condition at prov-north", WAIT, () -> north.count(
                "SELECT COUNT(*) FROM case_condition WHERE plan_id = ? AND status = 'FULFILLED'", planId) == 1);

        // A change of the original tells the adopter; a change of the copy tells the owner.
        var changed = PlanFixture.system("Library loans", "Lend books, e-books and audio books across the county's libraries.");
        countyC.put("COORDINATOR", "/api/v1/systems/" + original.get("id"), changed, Map.class);
        FederationFixture.await("the original's change notice at city-b", WAIT, () -> noticesAt(cityB, adoptionId) == 1);
        var copyChanged = PlanFixture.system("Library loans (City B)", "Customized for City B's two libraries and its school.");
        cityB.put("COORDINATOR", "/api/v1/systems/" + copy.get("id"), copyChanged, Map.class);
        FederationFixture.await("the copy's change notice at county-c", WAIT, () -> noticesAt(countyC, adoptionId) == 1);
        cityB.postJson("COORDINATOR", "/api/v1/adoptions/" + adoptionId + "/notices",
                Map.of("text", "We added a reservation reminder by text message."));
        FederationFixture.await("the recorded notice at county-c", WAIT, () -> noticesAt(countyC, adoptionId) == 2);
        var seenByOwner = items(countyC.getJson("COORDINATOR", "/api/v1/adoption-notices"));
        assertTrue(seenByOwner.stream().anyMatch(n -> copyEntry.equals(n.get("changedEntryId"))), seenByOwner.toString());

        // Each message applied once at its addressee; City A, outside the route, holds none of it.
        assertEquals(1, countyC.count("SELECT COUNT(*) FROM adoption WHERE id = ?", adoptionId));
        assertEquals(1, cityB.count("SELECT COUNT(*) FROM adoption_notice WHERE adoption_id = ? AND to_node = 'city-b'", adoptionId));
        assertEquals(0, cityA.count("SELECT COUNT(*) FROM adoption"));
        assertEquals(0, cityA.count("SELECT COUNT(*) FROM adoption_message_seen"));
        assertEquals(0, cityA.count("SELECT COUNT(*) FROM rejected_item"));
    }
}
