package org.preconsult.federation.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node as its own operating-system process (the node's real main class, its H2 file database
 * and data directory on disk), so that a kill -9 loses exactly what a crashed JVM loses. Ports and
 * data stay the same across restarts, as on a real machine.
 */
public final class NodeProcess {

    /** Small heap, serial collector and the C1 compiler only: many nodes start fast on two cores. */
    static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    private final String id;
    private final String name;
    private final String role;
    private final NodeProcess parent;
    private final Path dataDir;
    private final int httpPort;
    private final int grpcPort;
    private final Map<String, String> extraProperties;
    private final List<String> jvmOptions;
    private Process process;
    private int starts;

    NodeProcess(String id, String name, String role, NodeProcess parent, Path root, Map<String, String> extraProperties) {
        this(id, name, role, parent, root, extraProperties, TEST_JVM);
    }

    /**
     * A node started with the given JVM options instead of the small, fast-starting ones the tests
     * use (a benchmark measures a node as it runs in production: C2 compiler, default collector).
     */
    public NodeProcess(String id, String name, String role, NodeProcess parent, Path root, Map<String, String> extraProperties,
                       List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.id = id;
        this.name = name;
        this.role = role;
        this.parent = parent;
        this.dataDir = root.resolve(id);
        this.httpPort = freePort();
        this.grpcPort = freePort();
        this.extraProperties = extraProperties;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String id() {
        return id;
    }

    public String role() {
        return role;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Path log() {
        return dataDir.resolve("node-" + starts + ".log");
    }

    /** Starts the process; {@link #awaitUp} waits until it answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(id + " is already running");
        }
        try {
            Files.createDirectories(dataDir);
            starts++;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Dmicronaut.server.port=" + httpPort);
            command.add("-Dmicronaut.server.host=127.0.0.1");
            command.add("-Dgrpc.server.port=" + grpcPort);
            command.add("-Dpreconsult.node.id=" + id);
            command.add("-Dpreconsult.node.name=" + name);
            command.add("-Dpreconsult.node.role=" + role);
            if (parent != null) {
                command.add("-Dpreconsult.node.parent=127.0.0.1:" + parent.grpcPort);
                if (!Files.exists(dataDir.resolve("trust").resolve("node.key"))) {
                    // First start: the parent's operator issues the one-time enrolment token.
                    parent.awaitUp(Duration.ofSeconds(120));
                    var issued = new NodeApi(parent).call("operator", "POST", "/api/v1/trust/enrolment-tokens",
                            java.util.Map.of("nodeId", id, "role", role), null);
                    if (!issued.ok()) {
                        throw new IllegalStateException("The parent " + parent.id + " issued no enrolment token for " + id
                                + ": " + issued);
                    }
                    command.add("-Dpreconsult.trust.enrolment-token=" + issued.json().get("token").asText());
                    command.add("-Dpreconsult.trust.root-fingerprint=" + issued.json().get("rootFingerprint").asText());
                }
            }
            command.add("-Dpreconsult.data-dir=" + dataDir);
            command.add("-Dpreconsult.operator.username=operator");
            command.add("-Dpreconsult.operator.password=operator-password");
            extraProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-cp");
            command.add(classPath());
            command.add("org.preconsult.Application");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log().toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test's own class path: the node and everything it needs. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String path = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, path.split(File.pathSeparator));
    }

    /** Waits until the node answers /health; fails with the end of its log when it does not. */
    public void awaitUp(Duration timeout) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(id + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException(id + " did not answer within " + timeout + ":\n" + tail());
    }

    /** Kills the process as a crash would (SIGKILL): nothing in its memory survives. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process politely. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The last lines of the current log, for a failure message. */
    public String tail() {
        try {
            var lines = Files.readAllLines(log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Every log this node wrote, all starts. */
    public List<Path> logs() {
        List<Path> logs = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
            logs.add(dataDir.resolve("node-" + i + ".log"));
        }
        return logs;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
