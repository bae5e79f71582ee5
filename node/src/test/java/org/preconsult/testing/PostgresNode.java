package org.preconsult.testing;

import io.micronaut.context.ApplicationContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.Map;

/**
 * A node of a test running on a real PostgreSQL of its own: starts the database, then the node on it;
 * closing stops both, the node first.
 */
public final class PostgresNode implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final ApplicationContext context;

    private PostgresNode(EmbeddedPostgres postgres, ApplicationContext context) {
        this.postgres = postgres;
        this.context = context;
    }

    /** Starts PostgreSQL and a node on it with the given properties (see {@link NodeFixture#nodeProperties(String, String...)}). */
    public static PostgresNode start(Map<String, String> nodeProperties) {
        var postgres = NodeFixture.startPostgres();
        try {
            Map<String, Object> properties = new HashMap<>(nodeProperties);
            properties.putAll(NodeFixture.onPostgres(postgres));
            return new PostgresNode(postgres, ApplicationContext.run(properties));
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
    }

    /** The running node. */
    public ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            closeQuietly(postgres);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
