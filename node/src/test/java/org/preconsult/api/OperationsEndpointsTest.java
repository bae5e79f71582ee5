package org.preconsult.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.identity.model.Role;
import org.preconsult.testing.NodeFixture;

/** Metrics for the operator, the API's description for everyone, JSON log lines on request. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsEndpointsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TokenGenerator tokens;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void prometheusMetrics_areServedToTheOperatorOnly() {
        String metrics = http.toBlocking().retrieve(NodeFixture.getAs(tokens, "/prometheus", Role.OPERATOR_), String.class);
        assertTrue(metrics.contains("jvm_memory_used_bytes"), metrics.substring(0, Math.min(300, metrics.length())));
        assertEquals(401, status(HttpRequest.GET("/prometheus")));
        assertEquals(401, status(HttpRequest.GET("/metrics")));
        assertEquals(403, status(NodeFixture.getAs(tokens, "/prometheus", Role.AUDITOR_)));
    }

    @Test
    void theOpenApiDescription_isServed_andNamesTheApi() {
        String spec = http.toBlocking().retrieve(HttpRequest.GET("/swagger/preconsult-node-1.0.0.yml"), String.class);
        assertTrue(spec.contains("openapi:"), spec.substring(0, Math.min(200, spec.length())));
        assertTrue(spec.contains("/api/v1/plans"));
    }

    @Test
    void internalManagementEndpoints_areOff() {
        for (String path : new String[] {"/beans", "/routes", "/env", "/loggers", "/flyway", "/threaddump", "/token_info"}) {
            assertEquals(404, status(NodeFixture.getAs(tokens, path, Role.OPERATOR_)), path);
        }
    }

    @Test
    void theJsonLogConfiguration_loadsWithoutErrors() throws Exception {
        var context = new LoggerContext();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-json.xml"));
        assertTrue(context.getStatusManager().getCopyOfStatusList().stream().noneMatch(s -> s.getLevel() == Status.ERROR),
                context.getStatusManager().getCopyOfStatusList().toString());
        context.stop();
    }
}
