package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nodes keep working while their parent is down, and nothing is lost or doubled when it returns. */
class OutageTest {

    FederationFixture federation;

    @BeforeEach
    void startFederation() {
        federation = FederationFixture.standardTree();
    }

    @AfterEach
    void stopFederation() {
        federation.close();
    }

    @Test
    void localSubmitsWhileItsProvinceIsDown_deliveredOnceWhenItIsBack() {
        federation.stop("prov-north");
        var cityA = federation.node("city-a");
        List<String> planIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = (String) cityA.postJson("COORDINATOR", "/api/v1/plans", PlanFixture.completePlan("Offline plan " + i)).get("id");
            var submitted = cityA.postJson("COORDINATOR", "/api/v1/plans/" + id + "/submission", Map.of());
            assertEquals("SUBMITTED", submitted.get("status"), "the local node accepts work while its parent is down");
            planIds.add(id);
        }
        assertEquals(5, cityA.count("SELECT COUNT(*) FROM outbox"));

        federation.restart("prov-north");
        var central = federation.node("central");
        FederationFixture.await("all five plans reach central", Duration.ofSeconds(30),
                () -> central.count("SELECT COUNT(*) FROM review_case WHERE origin_node = 'city-a'") == 5);
        FederationFixture.await("city-a's outbox drains", Duration.ofSeconds(10),
                () -> cityA.count("SELECT COUNT(*) FROM outbox") == 0);
        for (String id : planIds) {
            assertEquals(1, central.count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", id));
            assertEquals(1, central.count("SELECT COUNT(*) FROM received_plan WHERE plan_id = ?", id));
        }
        // Each envelope was stored once by the province, however often city-a had to send it.
        assertEquals(5, federation.node("prov-north").count("SELECT COUNT(*) FROM inbox WHERE origin_node = 'city-a'"));
    }

    @Test
    void provinceRestartedMidStream_resumesFromItsCursorWithoutLossOrDuplicates() {
        var central = federation.node("central");
        int total = 60;
        for (int i = 0; i < total; i++) {
            central.postJson("OPERATOR", "/api/v1/standard-systems", Map.of(
                    "name", "Standard system " + i, "description", "Standard service number " + i + " for all governments."));
            if (i == 20) {
                federation.stop("prov-north");
            }
            if (i == 40) {
                federation.restart("prov-north");
            }
        }
        for (var local : List.of(federation.node("city-a"), federation.node("city-b"))) {
            FederationFixture.await("all standard systems reach " + local.id(), Duration.ofSeconds(40),
                    () -> local.count("SELECT COUNT(*) FROM catalogue_entry WHERE kind = 'STANDARD_SYSTEM'") == total);
        }
        var province = federation.node("prov-north");
        assertEquals(total, province.count("SELECT COUNT(*) FROM catalogue_entry WHERE kind = 'STANDARD_SYSTEM'"));
        // Each entry was offered once to the province's own children: nothing was skipped or doubled.
        assertEquals(total, province.count("SELECT COUNT(*) FROM feed WHERE body_type = 'CATALOGUE_ENTRY'"));
        assertEquals(central.count("SELECT MAX(position) FROM feed"),
                province.count("SELECT position FROM sync_cursor WHERE name = 'parent-feed'"));
    }
}
