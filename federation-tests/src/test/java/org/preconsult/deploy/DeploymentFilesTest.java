package org.preconsult.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The container, compose and Kubernetes files cannot be started on a build machine without a
 * container engine, so this checks what can be checked: they parse, they use the node's ports
 * (8080 HTTP, 9090 gRPC), every PRECONSULT_* variable they set is a setting the node reads, and
 * the image copies the jar the build produces; the demo's {@code --history} option plays its
 * history on the demo's own tree and refuses what it cannot play.
 */
class DeploymentFilesTest {

    private static final int HTTP_PORT = 8080;
    private static final int GRPC_PORT = 9090;
    private static final Path ROOT = repositoryRoot();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path NODE_SOURCES = ROOT.resolve("node/src/main/java");
    /**
     * The secret that signs a node's login tokens. A container may lose its data directory (where
     * the node would otherwise generate one), so every deployed node gets its own from a secret.
     */
    private static final String TOKEN_SECRET = "PRECONSULT_JWT_SECRET";
    /** Settings the node no longer needs: the framework's token secret and health endpoint switch. */
    private static final List<String> RETIRED_VARIABLES = List.of(
            "MICRONAUT_SECURITY_TOKEN_JWT_SIGNATURES_SECRET_GENERATOR_SECRET", "ENDPOINTS_HEALTH_ENABLED");
    private static final Path APPLICATION_YML = ROOT.resolve("node/src/main/resources/application.yml");

    @Test
    void nodeDefaults_areHttp8080_andGrpc9090() {
        String yml = read(APPLICATION_YML);
        assertTrue(yml.contains("port: ${PRECONSULT_HTTP_PORT:" + HTTP_PORT + "}"),
                "application.yml should default the HTTP port to " + HTTP_PORT);
        assertTrue(yml.contains("port: ${PRECONSULT_GRPC_PORT:" + GRPC_PORT + "}"),
                "application.yml should default the gRPC port to " + GRPC_PORT);
    }

    @Test
    void compose_publishesNodePorts_andWiresParentsToTheirGrpcPort() {
        Map<String, Object> services = map(yaml(DEPLOY.resolve("compose/compose.yaml")).get("services"));
        var nodes = nodeServices(services);
        assertEquals(Set.of("central", "province", "local"), nodes.keySet());

        for (var node : nodes.entrySet()) {
            List<Integer> containerPorts = list(node.getValue().get("ports")).stream()
                    .map(p -> Integer.parseInt(p.toString().substring(p.toString().lastIndexOf(':') + 1)))
                    .toList();
            assertTrue(containerPorts.contains(HTTP_PORT), node.getKey() + " should publish container port " + HTTP_PORT);
            assertTrue(Set.of(HTTP_PORT, GRPC_PORT).containsAll(containerPorts),
                    node.getKey() + " publishes ports the node does not listen on: " + containerPorts);

            var env = environment(node.getValue());
            assertNoPortOverrides(node.getKey(), env.keySet());
            assertTrue(env.containsKey(TOKEN_SECRET), node.getKey() + " needs its own login-token secret");
            assertTrue(Pattern.matches("\\$\\{[A-Z_]+:\\?.+}", env.get(TOKEN_SECRET)),
                    node.getKey() + "'s login-token secret should be a required variable, not a fixed value: " + env.get(TOKEN_SECRET));
            String parent = env.get("PRECONSULT_NODE_PARENT");
            if (env.get("PRECONSULT_NODE_ROLE").equals("CENTRAL")) {
                assertEquals(null, parent, "central has no parent");
            } else {
                assertNotNull(parent, node.getKey() + " needs PRECONSULT_NODE_PARENT");
                String[] hostPort = parent.split(":");
                assertTrue(services.containsKey(hostPort[0]), node.getKey() + "'s parent " + parent + " is no service");
                assertEquals(String.valueOf(GRPC_PORT), hostPort[1], node.getKey() + "'s parent should be its gRPC port");
            }
        }
        var central = environment(nodes.get("central"));
        assertEquals("org.postgresql.Driver", central.get("DATASOURCES_DEFAULT_DRIVER_CLASS_NAME"));
        assertTrue(central.get("DATASOURCES_DEFAULT_URL").startsWith("jdbc:postgresql://central-db:5432/"));
    }

    @Test
    void compose_setsOnlySettingsTheNodeKnows() {
        Map<String, Object> services = map(yaml(DEPLOY.resolve("compose/compose.yaml")).get("services"));
        Set<String> used = new TreeSet<>();
        nodeServices(services).values().forEach(s -> used.addAll(environment(s).keySet()));
        assertKnown("compose.yaml", used);
    }

    @Test
    void kubernetes_centralListensOnHttp8080AndGrpc9090_andProbesHealth() {
        var documents = kubernetesDocuments();
        var deployment = one(documents, "Deployment", "preconsult-central");
        Map<String, Object> podSpec = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        Map<String, Object> container = map(list(podSpec.get("containers")).get(0));

        Map<String, Integer> containerPorts = new LinkedHashMap<>();
        list(container.get("ports")).forEach(p -> containerPorts.put((String) map(p).get("name"), (Integer) map(p).get("containerPort")));
        assertEquals(Map.of("http", HTTP_PORT, "grpc", GRPC_PORT), containerPorts);

        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
            assertEquals("/health", httpGet.get("path"), probe);
            assertEquals(HTTP_PORT, httpGet.get("port"), probe);
        }
        assertEquals(1, map(deployment.get("spec")).get("replicas"), "a node runs as one instance");

        var service = one(documents, "Service", "preconsult-central");
        Map<String, Integer> targets = new LinkedHashMap<>();
        list(map(service.get("spec")).get("ports")).forEach(p -> targets.put((String) map(p).get("name"), (Integer) map(p).get("targetPort")));
        assertEquals(Map.of("http", HTTP_PORT, "grpc", GRPC_PORT), targets);
        var podLabels = map(map(map(map(deployment.get("spec")).get("template")).get("metadata")).get("labels"));
        var selector = map(map(service.get("spec")).get("selector"));
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "the service selects the central pods");
    }

    @Test
    void kubernetes_setsOnlySettingsTheNodeKnows_andReferencesExistingKeys() {
        var documents = kubernetesDocuments();
        var configMap = one(documents, "ConfigMap", "preconsult-central-config");
        var secret = one(documents, "Secret", "preconsult-central-secrets");
        Set<String> secretKeys = map(secret.get("stringData")).keySet();

        Set<String> used = new TreeSet<>(map(configMap.get("data")).keySet());
        used.addAll(secretKeys);
        var deployment = one(documents, "Deployment", "preconsult-central");
        Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0));
        list(container.get("env")).forEach(e -> used.add((String) map(e).get("name")));
        assertNoPortOverrides("the central deployment", used);
        assertTrue(secretKeys.contains(TOKEN_SECRET), "the secret holds the login-token secret");
        var tokenSecret = list(container.get("env")).stream().map(e -> map(e)).filter(e -> TOKEN_SECRET.equals(e.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("the container requires " + TOKEN_SECRET + " by name"));
        var tokenSecretRef = map(map(tokenSecret.get("valueFrom")).get("secretKeyRef"));
        assertEquals(map(secret.get("metadata")).get("name"), tokenSecretRef.get("name"));
        assertEquals(TOKEN_SECRET, tokenSecretRef.get("key"));
        assertFalse(Boolean.TRUE.equals(tokenSecretRef.get("optional")), "the login-token secret is required");
        assertKnown("deploy/kubernetes", used);

        for (Object source : list(container.get("envFrom"))) {
            var ref = map(source);
            if (ref.containsKey("configMapRef")) {
                assertEquals(map(configMap.get("metadata")).get("name"), map(ref.get("configMapRef")).get("name"));
            } else {
                assertEquals(map(secret.get("metadata")).get("name"), map(ref.get("secretRef")).get("name"));
            }
        }
        var database = one(documents, "StatefulSet", "preconsult-central-db");
        for (Object e : list(map(list(map(map(map(database.get("spec")).get("template")).get("spec")).get("containers")).get(0)).get("env"))) {
            var valueFrom = map(e).get("valueFrom");
            if (valueFrom != null) {
                var ref = map(map(valueFrom).get("secretKeyRef"));
                assertEquals(map(secret.get("metadata")).get("name"), ref.get("name"));
                assertTrue(secretKeys.contains((String) ref.get("key")), "the secret has no key " + ref.get("key"));
            }
        }
        var datasourceUrl = (String) map(configMap.get("data")).get("DATASOURCES_DEFAULT_URL");
        assertTrue(datasourceUrl.startsWith("jdbc:postgresql://preconsult-central-db:5432/"), datasourceUrl);
        one(documents, "Service", "preconsult-central-db");
    }

    @Test
    void kustomization_listsEveryManifest() {
        Set<String> listed = new TreeSet<>();
        list(yaml(DEPLOY.resolve("kubernetes/kustomization.yaml")).get("resources")).forEach(r -> listed.add((String) r));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .forEach(present::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(present, listed);
    }

    @Test
    void dockerfile_copiesTheJarTheBuildProduces_andExposesTheNodePorts() {
        String dockerfile = read(DEPLOY.resolve("container/Dockerfile"));
        String jar = "node/target/" + shadedJarName();
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+(\\S+)\\s*$").matcher(dockerfile);
        assertTrue(copy.find(), "the Dockerfile copies the jar");
        assertEquals(jar, copy.group(1));
        assertTrue(dockerfile.contains("ENTRYPOINT [\"java\", \"-jar\", \"" + copy.group(2) + "\"]"),
                "the entry point runs the copied jar");
        assertTrue(dockerfile.contains("FROM eclipse-temurin:17-jre"));
        assertTrue(Pattern.compile("(?m)^EXPOSE\\s+" + HTTP_PORT + "\\s+" + GRPC_PORT + "\\s*$").matcher(dockerfile).find());
        assertTrue(dockerfile.contains("http://localhost:" + HTTP_PORT + "/health"), "the health check asks /health");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertTrue(user.find() && !user.group(1).equals("root") && !user.group(1).equals("0"), "the node runs as a non-root user");

        assertTrue(read(DEPLOY.resolve("demo/lib.sh")).contains("node/target/" + shadedJarName()),
                "the demo runs the jar the build produces");
    }

    @Test
    void dockerfileAndDemo_setOnlySettingsTheNodeKnows() {
        Set<String> dockerfile = new TreeSet<>();
        Matcher env = Pattern.compile("\\b([A-Z][A-Z0-9_]*)=").matcher(read(DEPLOY.resolve("container/Dockerfile")));
        while (env.find()) {
            dockerfile.add(env.group(1));
        }
        assertTrue(dockerfile.contains("PRECONSULT_DATA_DIR"), "the image puts the data directory on its volume");
        assertFalse(dockerfile.contains(TOKEN_SECRET), "a login-token secret must not be baked into the image");
        assertNoPortOverrides("the Dockerfile", dockerfile);
        assertKnown("the Dockerfile", dockerfile);

        Set<String> demo = new TreeSet<>();
        Matcher variable = Pattern.compile("\\b(PRECONSULT_[A-Z0-9_]+)").matcher(read(DEPLOY.resolve("demo/start-federation.sh")));
        while (variable.find()) {
            demo.add(variable.group(1));
        }
        assertTrue(demo.containsAll(Set.of("PRECONSULT_NODE_ID", "PRECONSULT_DATA_DIR")), "the demo configures its nodes: " + demo);
        assertKnown("deploy/demo/start-federation.sh", demo);
    }

    @Test
    void noDeploymentFileSetsRetiredVariables() {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(ROOT.resolve("README.md"));
        files.add(ROOT.resolve("docs/operations.md"));
        for (Path file : files) {
            String text = read(file);
            for (String retired : RETIRED_VARIABLES) {
                assertFalse(text.contains(retired), ROOT.relativize(file) + " still mentions " + retired);
            }
        }
    }

    @Test
    void demoHistoryOption_playsTheHistoryIntoTheDemosOwnTree() throws Exception {
        String script = read(DEPLOY.resolve("demo/start-federation.sh"));
        assertTrue(script.contains("--history"), "start-federation.sh takes --history N");
        Matcher program = Pattern.compile("org\\.preconsult\\.federation\\.(\\w+)").matcher(script);
        assertTrue(program.find(), "start-federation.sh runs a program of the federation tests for --history");
        var main = Class.forName("org.preconsult.federation." + program.group(1)).getMethod("main", String[].class);
        assertTrue(java.lang.reflect.Modifier.isStatic(main.getModifiers()), program.group(1) + " has a main method");

        // The history is played on the fixture's standard tree: it must be the demo's tree, or the
        // processes started afterwards would open databases and certificates of other nodes.
        List<String> demo = new ArrayList<>();
        Matcher row = Pattern.compile("\"([a-z-]+)\\|([^|\"]+)\\|([A-Z]+)\\|([a-z-]*)\\|\\d+\"")
                .matcher(read(DEPLOY.resolve("demo/lib.sh")));
        while (row.find()) {
            demo.add(row.group(1) + "|" + row.group(2) + "|" + row.group(3) + "|" + row.group(4));
        }
        List<String> fixture = new ArrayList<>();
        Matcher start = Pattern.compile("f\\.start\\(\"([a-z-]+)\", \"([^\"]+)\", \"([A-Z]+)\", (null|\"([a-z-]+)\")")
                .matcher(read(ROOT.resolve("federation-tests/src/main/java/org/preconsult/federation/FederationFixture.java")));
        while (start.find()) {
            fixture.add(start.group(1) + "|" + start.group(2) + "|" + start.group(3) + "|"
                    + (start.group(5) == null ? "" : start.group(5)));
        }
        assertEquals(6, demo.size(), "the demo's six nodes: " + demo);
        assertEquals(demo, fixture, "the demo's tree (lib.sh) and the tree the history is played on (FederationFixture)");
    }

    @Test
    void demoHistoryOption_refusesWhatItCannotPlay_beforeTouchingAnything() throws Exception {
        Path dir = Files.createTempDirectory("demo-option-");
        Files.writeString(dir.resolve("kept"), "data");
        assertTrue(runDemo(dir, "--help").output().contains("--history"), "--help describes --history");
        var tooMany = runDemo(dir, "--reset", "--history", "11");
        assertTrue(tooMany.exit() != 0 && tooMany.output().contains("1 to 10"), tooMany.output());
        var notNumber = runDemo(dir, "--reset", "--history", "five");
        assertTrue(notNumber.exit() != 0 && notNumber.output().contains("1 to 10"), notNumber.output());
        var withoutReset = runDemo(dir, "--history", "3");
        assertTrue(withoutReset.exit() != 0 && withoutReset.output().contains("--reset"), withoutReset.output());
        var missing = runDemo(dir, "--reset", "--history");
        assertTrue(missing.exit() != 0 && missing.output().contains("number of years"), missing.output());
        assertTrue(Files.exists(dir.resolve("kept")), "a refused option leaves the data directory alone");
    }

    private record Run(int exit, String output) {
    }

    /** Runs start-federation.sh on a data directory of its own and ports no demo uses. */
    private static Run runDemo(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", DEPLOY.resolve("demo/start-federation.sh").toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DEMO_DIR", dir.toString());
        builder.environment().put("DEMO_HTTP_BASE", "28080");
        builder.environment().put("DEMO_GRPC_BASE", "29090");
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "start-federation.sh answered");
        return new Run(process.exitValue(), output);
    }

    // --- what the node knows --------------------------------------------------------------------

    /** Environment-variable forms of every {@code preconsult.*} setting the node reads. */
    private static Set<String> knownPreconsultVariables() {
        Set<String> known = new TreeSet<>();
        String yml = read(APPLICATION_YML);
        Matcher placeholder = Pattern.compile("\\$\\{(PRECONSULT_[A-Z0-9_]+)").matcher(yml);
        while (placeholder.find()) {
            known.add(placeholder.group(1));
        }
        flatten("preconsult", map(new Yaml().<Map<String, Object>>load(yml).get("preconsult")), known);

        for (Path source : nodeSources()) {
            String text = read(source);
            Matcher value = Pattern.compile("@Value\\(\"\\$\\{(preconsult\\.[a-z0-9.-]+)").matcher(text);
            while (value.find()) {
                known.add(envForm(value.group(1)));
            }
            if (text.contains("@ConfigurationProperties(")) {
                known.addAll(recordSettings(source));
            }
        }
        return known;
    }

    private static List<String> recordSettings(Path source) {
        String className = NODE_SOURCES.relativize(source).toString().replace('/', '.').replaceAll("\\.java$", "");
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("cannot load " + className, e);
        }
        var annotation = type.getAnnotation(ConfigurationProperties.class);
        if (annotation == null || !type.isRecord()) {
            return List.of();
        }
        List<String> settings = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String kebab = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            settings.add(envForm(annotation.value() + "." + kebab));
        }
        assertFalse(settings.isEmpty(), className + " has no settings");
        return settings;
    }

    private static void flatten(String prefix, Map<String, Object> tree, Set<String> into) {
        tree.forEach((key, value) -> {
            String name = prefix + "." + key;
            if (value instanceof Map<?, ?> child) {
                flatten(name, map(child), into);
            } else {
                into.add(envForm(name));
            }
        });
    }

    private static String envForm(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void assertKnown(String where, Set<String> used) {
        Set<String> known = knownPreconsultVariables();
        assertTrue(known.containsAll(Set.of("PRECONSULT_NODE_ID", "PRECONSULT_NODE_PARENT", "PRECONSULT_SYNC_PUSH_BATCH_SIZE",
                "PRECONSULT_OPERATOR_PASSWORD", "PRECONSULT_JWT_SECRET", "PRECONSULT_DATA_DIR")), "known settings: " + known);
        List<String> unknown = used.stream().filter(v -> v.startsWith("PRECONSULT_") && !known.contains(v)).toList();
        assertEquals(List.of(), unknown, where + " sets PRECONSULT_* variables the node does not read");
    }

    private static void assertNoPortOverrides(String where, Set<String> variables) {
        for (String v : List.of("MICRONAUT_SERVER_PORT", "GRPC_SERVER_PORT", "PRECONSULT_HTTP_PORT", "PRECONSULT_GRPC_PORT")) {
            assertFalse(variables.contains(v), where + " moves the node off its standard ports with " + v);
        }
    }

    // --- reading the files ----------------------------------------------------------------------

    private static String shadedJarName() {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("node/pom.xml").toFile());
            Element project = pom.getDocumentElement();
            String artifactId = directChild(project, "artifactId");
            String version = directChild(project, "version");
            if (version == null) {
                version = directChild((Element) project.getElementsByTagName("parent").item(0), "version");
            }
            var classifier = pom.getElementsByTagName("shadedClassifierName");
            assertEquals(1, classifier.getLength(), "node/pom.xml names one shaded classifier");
            return artifactId + "-" + version + "-" + classifier.item(0).getTextContent().strip() + ".jar";
        } catch (Exception e) {
            throw new AssertionError("cannot read node/pom.xml", e);
        }
    }

    private static String directChild(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static Map<String, Map<String, Object>> nodeServices(Map<String, Object> services) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        services.forEach((name, s) -> {
            var service = map(s);
            if (String.valueOf(service.get("image")).startsWith("preconsult-node")) {
                nodes.put(name, service);
            }
        });
        return nodes;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(k.toString(), v == null ? null : v.toString()));
        } else if (raw instanceof List<?> l) {
            l.forEach(item -> {
                String[] kv = item.toString().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            });
        }
        return env;
    }

    private static List<Map<String, Object>> kubernetesDocuments() {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Path file : List.of("configmap.yaml", "secret.yaml", "postgres.yaml", "central.yaml").stream()
                .map(DEPLOY.resolve("kubernetes")::resolve).toList()) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Object document : new Yaml(new LoaderOptions()).loadAll(in)) {
                    if (document != null) {
                        documents.add(map(document));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    private static Map<String, Object> one(List<Map<String, Object>> documents, String kind, String name) {
        var found = documents.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name"))).toList();
        assertEquals(1, found.size(), "one " + kind + " named " + name);
        return found.get(0);
    }

    private static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "expected a mapping, found " + value);
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Object value) {
        assertTrue(value instanceof List, "expected a list, found " + value);
        return new ArrayList<>((List<?>) value);
    }

    private static List<Path> nodeSources() {
        try (Stream<Path> files = Files.walk(NODE_SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("node/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the repository: no deploy/ and node/pom.xml above " + Path.of("").toAbsolutePath());
    }
}
