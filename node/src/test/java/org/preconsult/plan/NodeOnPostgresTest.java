package org.preconsult.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.sync.application.Outbox;
import org.preconsult.testing.NodeFixture;

/** A local node running on PostgreSQL: the same migrations, the same outbox and counters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeOnPostgresTest {

    private EmbeddedPostgres postgres;
    private EmbeddedServer server;
    private HttpClient http;

    @BeforeAll
    void startNodeOnPostgres() throws Exception {
        postgres = NodeFixture.startPostgres();
        Map<String, Object> properties = new HashMap<>(NodeFixture.nodeProperties("LOCAL", "preconsult.node.parent", "localhost:1"));
        properties.putAll(NodeFixture.onPostgres(postgres));
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        http = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    @AfterAll
    void stop() throws Exception {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private NodeFixture.Reply send(MutableHttpRequest<?> request) {
        var tokens = server.getApplicationContext().getBean(TokenGenerator.class);
        return NodeFixture.send(http.toBlocking(), server.getApplicationContext().getBean(JsonMapper.class),
                NodeFixture.as(tokens, request, "COORDINATOR"));
    }

    @Test
    void plansSubmittedOnPostgres_waitInTheOutboxInOrder_whileTheParentIsUnreachable() {
        for (int i = 0; i < 3; i++) {
            Map<String, Object> plan = new HashMap<>();
            plan.put("title", "Plan on PostgreSQL " + i);
            plan.put("purpose", "Check that submissions on PostgreSQL write the plan and its envelope together.");
            plan.put("functions", List.of("one function"));
            plan.put("budget", 1000);
            plan.put("plannedStart", "2027-01-01");
            plan.put("plannedEnd", "2027-02-01");
            plan.put("platform", "web");
            String id = (String) send(HttpRequest.POST("/api/v1/plans", plan)).json().get("id");
            assertEquals(200, send(HttpRequest.POST("/api/v1/plans/" + id + "/submission", Map.of())).status());
        }
        var outbox = server.getApplicationContext().getBean(Outbox.class);
        var owed = outbox.oldest(10);
        assertEquals(3, owed.size());
        assertEquals(List.of(1L, 2L, 3L), owed.stream().map(r -> r.originSeq()).toList());
    }
}
