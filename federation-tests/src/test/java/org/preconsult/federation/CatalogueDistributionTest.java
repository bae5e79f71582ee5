package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Catalogue entries registered anywhere reach every node's catalogue; private plan fields reach none. */
class CatalogueDistributionTest {

    static FederationFixture federation;

    @BeforeAll
    static void startFederation() {
        federation = FederationFixture.standardTree();
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
    }

    @Test
    void standardSystemRegisteredAtCentral_reachesEveryLocalCatalogue() {
        var central = federation.node("central");
        var standard = central.postJson("OPERATOR", "/api/v1/standard-systems", Map.of(
                "name", "National e-Permit Platform",
                "description", "Standard building permit system distributed by the ministry to every municipality.",
                "functions", java.util.List.of("online application", "permit issuance"),
                "status", "PLANNED"));
        String id = (String) standard.get("id");
        for (var local : federation.locals()) {
            FederationFixture.await("the standard system is in the catalogue of " + local.id(), Duration.ofSeconds(20),
                    () -> local.count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ? AND kind = 'STANDARD_SYSTEM'", id) == 1);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void entryImportedAtCentral_reachesEveryLocal_withItsTranslationsAndRelations() {
        var central = federation.node("central");
        String yaml = "publiccodeYmlVersion: \"0.4\"\nname: Civic Permits\nurl: https://example.org/civic-permits\n"
                + "legal:\n  license: EUPL-1.2\n  mainCopyrightOwner: Ministry of the Interior\n"
                + "usedBy:\n  - City of Gwangju\n"
                + "description:\n  en:\n    shortDescription: Building permits online\n"
                + "    longDescription: Residents apply for building permits online and follow each step.\n"
                + "  ko:\n    localisedName: 시민 인허가\n    shortDescription: 건축 인허가 온라인 신청\n"
                + "    longDescription: 주민이 건축 허가를 온라인으로 신청하고 단계별로 확인합니다.\n";
        var imported = central.http().retrieve(central.as("OPERATOR", io.micronaut.http.HttpRequest
                .POST("/api/v1/catalogue/publiccode", yaml).contentType("application/yaml")), Map.class);
        String id = (String) ((java.util.List<Map<String, Object>>) imported.get("entries")).get(0).get("id");
        for (var local : federation.locals()) {
            FederationFixture.await("the Korean translation and the user reach " + local.id(), Duration.ofSeconds(20), () -> {
                if (local.count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ?", id) == 0) {
                    return false;
                }
                var entry = local.getJson("SUBMITTER", "/api/v1/catalogue/entries/" + id);
                var translations = (java.util.List<Map<String, Object>>) entry.get("translations");
                var relations = (java.util.List<Map<String, Object>>) entry.get("relations");
                return translations.stream().anyMatch(t -> "ko".equals(t.get("language")) && "시민 인허가".equals(t.get("name")))
                        && relations.stream().anyMatch(r -> "USED_BY".equals(r.get("type"))
                        && "City of Gwangju".equals(r.get("target")));
            });
        }
    }

    @Test
    void systemRegisteredAtOneLocal_reachesTheOthers_andItsRetirementFollows() {
        var cityA = federation.node("city-a");
        var system = cityA.postJson("COORDINATOR", "/api/v1/systems",
                PlanFixture.system("Dog licence register", "Register of dog licences with online renewal and fee payment."));
        String entryId = "city-a:system:" + system.get("id");
        var countyC = federation.node("county-c");
        FederationFixture.await("the system reaches county-c in another province", Duration.ofSeconds(20),
                () -> countyC.count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ? AND status = 'OPERATING'", entryId) == 1);

        var retired = PlanFixture.system("Dog licence register", "Register of dog licences with online renewal and fee payment.");
        retired.put("status", "RETIRED");
        cityA.put("COORDINATOR", "/api/v1/systems/" + system.get("id"), retired, Map.class);
        FederationFixture.await("the retirement reaches county-c", Duration.ofSeconds(20),
                () -> countyC.count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ? AND status = 'RETIRED'", entryId) == 1);
        assertEquals(1, federation.node("central").count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ?", entryId));
    }

    @Test
    void privateFieldsOfASubmittedPlan_neverLeaveTheLocalNode() {
        var cityB = federation.node("city-b");
        var plan = PlanFixture.completePlan("Parking permit renewal");
        plan.put("contactPerson", "CANARY-CONTACT-7f3a Kim Minsu, 010-1234-5678");
        plan.put("internalNotes", "CANARY-NOTES-91c2 council has not approved the budget");
        plan.put("submittingDepartment", "CANARY-DEPT-4d0e Transport Bureau, Team 3");
        String planId = (String) cityB.postJson("COORDINATOR", "/api/v1/plans", plan).get("id");
        cityB.postJson("COORDINATOR", "/api/v1/plans/" + planId + "/submission", Map.of());
        var central = federation.node("central");
        FederationFixture.await("the plan reaches central", Duration.ofSeconds(20),
                () -> central.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId) == 1);

        // The summary did travel (the title is there), the private fields did not, anywhere above.
        for (String nodeId : new String[] {"prov-north", "central"}) {
            String stored = federation.node(nodeId).everythingStored();
            assertFalse(!stored.contains("Parking permit renewal"), nodeId + " should hold the summary");
            for (String canary : new String[] {"CANARY-CONTACT-7f3a", "CANARY-NOTES-91c2", "CANARY-DEPT-4d0e"}) {
                assertFalse(stored.contains(canary), canary + " reached " + nodeId);
            }
        }
        // The owner still has them.
        String atHome = cityB.everythingStored();
        assertFalse(!atHome.contains("CANARY-CONTACT-7f3a"), "the owner keeps its private fields");
    }
}
