package org.preconsult.federation;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.preconsult.sync.infrastructure.GrpcServer;
import org.preconsult.trust.application.NodeCertificate;

/**
 * Real nodes in one JVM: each with its own application context, H2 file database, data directory,
 * HTTP port and gRPC port, linked child to parent over loopback gRPC exactly as separate processes.
 */
public final class FederationFixture implements AutoCloseable {

    private final Path root;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Clock clock;

    FederationFixture() {
        this(null);
    }

    /** Nodes that all read the given clock (null: the system clock). */
    FederationFixture(Clock clock) {
        this(temporaryRoot(), clock);
    }

    /** Nodes whose data directories are {@code <root>/<node-id>}, all reading the given clock. */
    FederationFixture(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    private static Path temporaryRoot() {
        try {
            return Files.createTempDirectory("preconsult-federation-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The standard test tree: central, two provinces, three locals (two under the first province). */
    static FederationFixture standardTree() {
        return standardTree(null);
    }

    static FederationFixture standardTree(Clock clock) {
        return standardTree(clock, Map.of());
    }

    /** The standard test tree, every node with the extra settings. */
    static FederationFixture standardTree(Clock clock, Map<String, Object> extra) {
        return standardTree(new FederationFixture(clock), extra);
    }

    /** The standard tree on data directories under {@code root} (as the demo keeps them), with the extra settings. */
    static FederationFixture standardTree(Path root, Clock clock, Map<String, Object> extra) {
        return standardTree(new FederationFixture(root, clock), extra);
    }

    private static FederationFixture standardTree(FederationFixture f, Map<String, Object> extra) {
        f.start("central", "Ministry of the Interior", "CENTRAL", null, 0, extra);
        f.start("prov-north", "North Province", "PROVINCIAL", "central", 0, extra);
        f.start("prov-south", "South Province", "PROVINCIAL", "central", 0, extra);
        f.start("city-a", "City A", "LOCAL", "prov-north", 0, extra);
        f.start("city-b", "City B", "LOCAL", "prov-north", 0, extra);
        f.start("county-c", "County C", "LOCAL", "prov-south", 0, extra);
        return f;
    }

    Node start(String id, String name, String role, String parentId) {
        return start(id, name, role, parentId, 0);
    }

    Node start(String id, String name, String role, String parentId, int grpcPort) {
        return start(id, name, role, parentId, grpcPort, Map.of());
    }

    Node start(String id, String name, String role, String parentId, int grpcPort, Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>();
        props.put("preconsult.node.id", id);
        props.put("preconsult.node.name", name);
        props.put("preconsult.node.role", role);
        if (parentId != null) {
            var parent = nodes.get(parentId);
            props.put("preconsult.node.parent", "localhost:" + parent.grpcPort());
            if (!Files.exists(root.resolve(id).resolve("trust").resolve("node.key"))) {
                // The parent's operator issues a one-time token; the child is given it with the root's fingerprint.
                var token = parent.postJson("OPERATOR", "/api/v1/trust/enrolment-tokens", Map.of("nodeId", id, "role", role));
                props.put("preconsult.trust.enrolment-token", token.get("token"));
                props.put("preconsult.trust.root-fingerprint", token.get("rootFingerprint"));
            }
        }
        props.put("preconsult.data-dir", root.resolve(id).toString());
        props.put("micronaut.server.port", -1);
        props.put("grpc.server.port", grpcPort);
        props.put("preconsult.sync.backoff-initial", "100ms");
        props.put("preconsult.sync.backoff-max", "500ms");
        props.put("preconsult.sync.pull-deadline", "5s");
        props.put("preconsult.sync.heartbeat", "1s");
        props.put("preconsult.sync.idle-poll", "200ms");
        props.put("preconsult.operator.username", "operator");
        props.put("preconsult.operator.password", "operator-password");
        props.putAll(extra);
        var builder = ApplicationContext.builder().properties(props).environments("test");
        if (clock != null) {
            builder.singletons(clock);
        }
        var context = builder.start();
        context.getBean(EmbeddedServer.class).start();
        if (parentId != null) {
            var certificate = context.getBean(NodeCertificate.class);
            await(id + " enrolled with " + parentId, Duration.ofSeconds(30), certificate::enrolled);
            await(id + " listening for its children", Duration.ofSeconds(10), () -> context.getBean(GrpcServer.class).port() > 0);
        }
        var node = new Node(id, name, role, parentId, context);
        nodes.put(id, node);
        return node;
    }

    Node node(String id) {
        return nodes.get(id);
    }

    List<Node> locals() {
        return nodes.values().stream().filter(n -> n.role().equals("LOCAL")).toList();
    }

    /** Stops a node as a crash or maintenance would; its database and data directory stay. */
    void stop(String id) {
        nodes.get(id).close();
    }

    /** Starts a stopped node again on the same gRPC port, so that its children find it. */
    Node restart(String id) {
        return restart(id, Map.of());
    }

    /** As {@link #restart(String)}, with extra settings (e.g. {@code preconsult.node.restored}). */
    Node restart(String id, Map<String, Object> extra) {
        var old = nodes.get(id);
        return start(id, old.name, old.role(), old.parentId(), old.lastGrpcPort, extra);
    }

    /** The data directory of a node (its H2 database file, keys, index). */
    Path dataDir(String id) {
        return root.resolve(id);
    }

    /** Copies a stopped node's database file aside, as an operator's backup does. */
    Path backUp(String id) {
        try {
            Path db = dataDir(id).resolve(id + ".mv.db");
            Path copy = root.resolve(id + "-backup-" + System.nanoTime() + ".mv.db");
            Files.copy(db, copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a backup back in place of a stopped node's database, and drops its derived search index. */
    void restore(String id, Path backup) {
        try {
            Files.copy(backup, dataDir(id).resolve(id + ".mv.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path index = dataDir(id).resolve("index");
            if (Files.exists(index)) {
                try (var paths = Files.walk(index)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        var reversed = new ArrayList<>(nodes.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(Node::close);
    }

    /** Waits until the condition holds, failing with the description after the deadline. */
    static void await(String description, Duration deadline, BooleanSupplier condition) {
        await(description, deadline, 50, condition);
    }

    /** Waits as above, looking every {@code pollMillis}. */
    static void await(String description, Duration deadline, long pollMillis, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + description);
            }
        }
        throw new AssertionError("Timed out after " + deadline + " waiting until " + description);
    }

    /** Reads a column of the current row of a result. */
    @FunctionalInterface
    interface ColumnReader<T> {
        T read(ResultSet rs, int column) throws SQLException;
    }

    /** One running node and a client for its HTTP API. */
    static final class Node implements AutoCloseable {
        private final String id;
        private final String name;
        private final String role;
        private final String parentId;
        private final ApplicationContext context;
        private final HttpClient http;
        private final int lastGrpcPort;
        private boolean closed;

        Node(String id, String name, String role, String parentId, ApplicationContext context) {
            this.id = id;
            this.name = name;
            this.role = role;
            this.parentId = parentId;
            this.context = context;
            this.http = context.createBean(HttpClient.class, context.getBean(EmbeddedServer.class).getURL());
            this.lastGrpcPort = context.getBean(GrpcServer.class).port();
        }

        String id() {
            return id;
        }

        String role() {
            return role;
        }

        String parentId() {
            return parentId;
        }

        int grpcPort() {
            return lastGrpcPort;
        }

        ApplicationContext context() {
            return context;
        }

        String url() {
            return context.getBean(EmbeddedServer.class).getURL().toString();
        }

        BlockingHttpClient http() {
            return http.toBlocking();
        }

        /** The request with a bearer token of a user holding the given role at this node. */
        <T> MutableHttpRequest<T> as(String role, MutableHttpRequest<T> request) {
            String username = role.toLowerCase() + "@" + id;
            // Every request is checked against the stored user: the user must exist with the role.
            var users = context.getBean(org.preconsult.identity.infrastructure.UserRows.class);
            if (!users.existsById(username)) {
                users.save(new org.preconsult.identity.infrastructure.UserRow(username, "fixture$no-password", role, null,
                        true, java.time.Instant.now()));
            }
            var token = context.getBean(TokenGenerator.class)
                    .generateToken(Authentication.build(username, List.of(role)), 3600)
                    .orElseThrow();
            return request.bearerAuth(token);
        }

        <T> T post(String role, String uri, Object body, Class<T> type) {
            return http().retrieve(as(role, HttpRequest.POST(uri, body)), type);
        }

        <T> T put(String role, String uri, Object body, Class<T> type) {
            return http().retrieve(as(role, HttpRequest.PUT(uri, body)), type);
        }

        <T> T get(String role, String uri, Class<T> type) {
            return http().retrieve(as(role, HttpRequest.GET(uri)), type);
        }

        Map<String, Object> getJson(String role, String uri) {
            return http().retrieve(as(role, HttpRequest.GET(uri)), Argument.mapOf(String.class, Object.class));
        }

        Map<String, Object> postJson(String role, String uri, Object body) {
            return http().retrieve(as(role, HttpRequest.POST(uri, body)), Argument.mapOf(String.class, Object.class));
        }

        private DataSource rawDataSource() {
            return io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        }

        /** Runs a query on this node's own database (for assertions about what it holds). */
        long count(String sql, Object... args) {
            return column(sql, ResultSet::getLong, args).get(0);
        }

        /** The first column of the first row of a query, as text; null when there is no row. */
        String text(String sql, Object... args) {
            var values = column(sql, ResultSet::getString, args);
            return values.isEmpty() ? null : values.get(0);
        }

        /** Reads one value of every row of a query on this node's own database. */
        <T> List<T> column(String sql, ColumnReader<T> reader, Object... args) {
            try (Connection c = rawDataSource().getConnection();
                 var s = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                List<T> values = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        values.add(reader.read(rs, 1));
                    }
                }
                return values;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Every text value in every table of this node, for proving what never reached it. */
        String everythingStored() {
            var all = new StringBuilder();
            try (Connection c = rawDataSource().getConnection();
                 var tables = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME"));
                }
                for (String table : names) {
                    try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                Object v = rs.getObject(i);
                                if (v instanceof byte[] bytes) {
                                    all.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                                } else if (v != null) {
                                    all.append(v);
                                }
                                all.append('\u0001');
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return all.toString();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                http.close();
                context.close();
            }
        }
    }
}
