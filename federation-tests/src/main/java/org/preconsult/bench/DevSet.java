package org.preconsult.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.redundancy.model.PlanDraft;

/** The redundancy benchmark's dev set: catalogue entries and graded queries, read from JSON lines. */
public record DevSet(List<CatalogueEntry> catalogue, List<Query> queries) {

    /** One plan to check, with the grades (1..3) of the catalogue entries it duplicates. */
    public record Query(String qid, PlanDraft plan, Map<String, Integer> relevant) {
        public boolean positive() {
            return !relevant.isEmpty();
        }

        public int bestGrade() {
            return relevant.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The shared directory: system property {@code preconsult.shared.dir}, else {@code ../shared} or {@code ../../shared}. */
    public static Path sharedDir() {
        String configured = System.getProperty("preconsult.shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path candidate : List.of(cwd.resolve("../shared"), cwd.resolve("../../shared"))) {
            if (Files.isDirectory(candidate.resolve("benchmarks"))) {
                return candidate.normalize();
            }
        }
        return cwd.resolve("../shared").normalize();
    }

    public static Path devDir() {
        return sharedDir().resolve("benchmarks").resolve("redundancy-dev");
    }

    /**
     * The cross-language set shipped with the benchmarks ({@code cross-language/} on the classpath):
     * plans in six languages against English entries, which join the given catalogue as distractors.
     */
    public static DevSet crossLanguage(List<CatalogueEntry> distractors) {
        List<CatalogueEntry> catalogue = new ArrayList<>(distractors);
        catalogue.addAll(catalogue(resourceLines("/cross-language/catalogue.jsonl")));
        return new DevSet(catalogue, queries(resourceLines("/cross-language/queries.jsonl")));
    }

    /**
     * The other direction of a cross-language set: each labelled plan becomes a catalogue entry in
     * its language (beside the distractors), and each English entry a plan (owner "Another
     * government") whose duplicate is that entry; entries no plan duplicates are negatives.
     */
    public static DevSet reversed(DevSet set, List<CatalogueEntry> distractors) {
        List<CatalogueEntry> catalogue = new ArrayList<>(distractors);
        Map<String, String> entryOfTarget = new LinkedHashMap<>();
        for (Query q : set.queries()) {
            PlanDraft p = q.plan();
            String id = "plan:" + q.qid();
            catalogue.add(new CatalogueEntry(id, EntryKind.PLAN, p.owner(), p.title(), p.description(), p.functions(),
                    p.functionCode(), p.language(), EntryStatus.ACTIVE, null, null, 1, Instant.EPOCH));
            q.relevant().keySet().forEach(target -> entryOfTarget.put(target, id));
        }
        Set<String> distractorIds = distractors.stream().map(CatalogueEntry::id).collect(Collectors.toSet());
        List<Query> queries = new ArrayList<>();
        for (CatalogueEntry e : set.catalogue()) {
            if (distractorIds.contains(e.id())) {
                continue;
            }
            String duplicate = entryOfTarget.get(e.id());
            queries.add(new Query("reverse-" + e.id(), new PlanDraft(e.name(), e.description(), e.functions(),
                    e.functionCode(), e.language(), "Another government", null, null),
                    duplicate == null ? Map.of() : Map.of(duplicate, 3)));
        }
        return new DevSet(catalogue, queries);
    }

    public static DevSet load(Path dir) {
        return new DevSet(readCatalogue(dir.resolve("catalogue.jsonl")), readQueries(dir.resolve("queries.jsonl")));
    }

    public static List<CatalogueEntry> readCatalogue(Path file) {
        return catalogue(lines(file));
    }

    private static List<CatalogueEntry> catalogue(List<JsonNode> lines) {
        List<CatalogueEntry> entries = new ArrayList<>();
        for (JsonNode n : lines) {
            entries.add(new CatalogueEntry(n.get("id").asText(), EntryKind.valueOf(n.get("kind").asText()),
                    text(n, "owner"), n.get("name").asText(), text(n, "description"), list(n.get("functions")),
                    text(n, "functionCode"), text(n, "language"), EntryStatus.ACTIVE, decimal(n.get("budget")),
                    null, 1, Instant.EPOCH));
        }
        return entries;
    }

    public static List<Query> readQueries(Path file) {
        return queries(lines(file));
    }

    private static List<Query> queries(List<JsonNode> lines) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode n : lines) {
            JsonNode p = n.get("plan");
            PlanDraft plan = new PlanDraft(text(p, "title"), text(p, "description"), list(p.get("functions")),
                    text(p, "functionCode"), text(p, "language"), text(p, "owner"), decimal(p.get("budget")), null);
            Map<String, Integer> relevant = new LinkedHashMap<>();
            n.get("relevant").fields().forEachRemaining(e -> relevant.put(e.getKey(), e.getValue().asInt()));
            queries.add(new Query(n.get("qid").asText(), plan, relevant));
        }
        return queries;
    }

    private static List<JsonNode> lines(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> resourceLines(String resource) {
        try (var in = DevSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the classpath: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> parse(List<String> lines) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> list(JsonNode array) {
        List<String> items = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> items.add(v.asText()));
        }
        return items;
    }

    private static BigDecimal decimal(JsonNode v) {
        return v == null || v.isNull() ? null : v.decimalValue();
    }
}
