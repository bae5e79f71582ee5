package org.preconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.common.model.Outcome;
import org.preconsult.node.NodeRole;
import org.preconsult.plan.model.Completeness;
import org.preconsult.plan.model.PlanContent;
import org.preconsult.plan.model.PlanStatus;
import org.preconsult.review.model.CaseStatus;
import org.preconsult.decision.model.ConditionStatus;

/** Every text of the web UI exists in English and in Korean, for every key a page can ask for. */
class MessagesTest {

    private static final Pattern KEY = Pattern.compile("\\b(?:t|errorKey\\s*=|FieldError\\([^,]+,)\\s*\\(?\\s*\"([a-zA-Z][a-zA-Z0-9_.]*)\"");

    static Set<String> keys(String language) throws IOException {
        var props = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(props.stringPropertyNames());
    }

    @Test
    void englishAndKorean_haveTheSameKeys() throws IOException {
        var en = keys("en");
        var ko = keys("ko");
        var onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(ko);
        var onlyKo = new TreeSet<>(ko);
        onlyKo.removeAll(en);
        assertEquals(Set.of(), onlyEn, "missing in Korean");
        assertEquals(Set.of(), onlyKo, "missing in English");
    }

    @Test
    void everyKeyTheTemplatesAndPagesName_isInBothLanguages() throws IOException {
        List<String> used = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/jte"), Path.of("src/main/java/org/preconsult/web"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    var m = Pattern.compile("\"([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9_]+)+)\"").matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        var en = keys("en");
        var ko = keys("ko");
        var prefixes = Set.of("role.", "status.", "outcome.", "kind.", "entryStatus.", "caseStatus.", "field.", "hint.",
                "completeness.", "notice.", "condition.", "status.colour.", "outcome.colour.", "userRole.", "users.notice.");
        var missing = new TreeSet<String>();
        for (String key : used) {
            if (key.startsWith("org.") || key.startsWith("preconsult.") || key.startsWith("i18n.") || prefixes.contains(key)
                    || key.endsWith(".jte") || key.contains("min.")) {
                continue;
            }
            if (!en.contains(key) || !ko.contains(key)) {
                missing.add(key);
            }
        }
        assertTrue(missing.isEmpty(), "keys named in templates or pages but missing from a bundle: " + missing);
    }

    @Test
    void everyValueAPageTurnsIntoAKey_isInBothLanguages() throws IOException {
        List<String> needed = new ArrayList<>();
        Stream.of(NodeRole.values()).forEach(v -> needed.add("role." + v));
        Stream.of(PlanStatus.values()).forEach(v -> needed.addAll(List.of("status." + v, "status.colour." + v)));
        Stream.of(Outcome.values()).forEach(v -> needed.addAll(List.of("outcome." + v, "outcome.colour." + v)));
        Stream.of(EntryKind.values()).forEach(v -> needed.add("kind." + v));
        Stream.of(EntryStatus.values()).forEach(v -> needed.add("entryStatus." + v));
        Stream.of(CaseStatus.values()).forEach(v -> needed.add("caseStatus." + v));
        Stream.of(ConditionStatus.values()).forEach(v -> needed.add("condition." + v));
        var empty = new PlanContent(null, null, null, null, null, null, null, null, null, false, null, null, null);
        Completeness.of(empty).missing().forEach(m -> needed.addAll(List.of("completeness." + m.field(), "field." + m.field())));
        Stream.of("title", "purpose", "functions", "functionCode", "budget", "plannedStart", "plannedEnd", "platform",
                "language", "disasterOrSafety", "submittingDepartment", "contactPerson", "internalNotes", "name", "description")
                .forEach(f -> needed.add("field." + f));
        Stream.of("purpose", "functions", "functionCode", "budget", "plannedStart", "plannedEnd", "language")
                .forEach(f -> needed.add("hint." + f));
        needed.addAll(List.of("error.notFound", "error.conflict", "error.invalid", "error.other", "notice.submitted", "notice.fulfilled", "caseStatus.ALL", "users.notice.created",
                "users.notice.enabled", "users.notice.disabled"));
        Stream.of(org.preconsult.identity.model.Role.values()).forEach(v -> needed.add("userRole." + v));
        Stream.of(org.preconsult.lifecycle.model.Stage.values()).forEach(v -> needed.addAll(List.of("stage." + v, "stage.colour." + v)));
        Stream.of(org.preconsult.lifecycle.model.Deliverable.Kind.values()).forEach(v -> needed.add("deliverable." + v));
        Stream.of("kickoffOn", "goLiveOn", "cancelReason", "kind", "deliverableTitle", "deliveredOn", "sizeBytes", "checksum", "link")
                .forEach(f -> needed.addAll(List.of("field." + f, "lifecycle.error." + f)));
        Stream.of("kickoff", "completion").forEach(s -> needed.addAll(List.of("lifecycle." + s + ".title",
                "lifecycle." + s + ".intro", "lifecycle." + s + ".button")));
        needed.addAll(List.of("notice.kickedoff", "notice.completed", "notice.cancelled", "notice.delivered"));
        Stream.of(org.preconsult.adoption.model.AdoptionState.values()).forEach(v -> needed.add("adoptionState." + v));
        Stream.of("copyEntryId", "motivation", "acceptReason", "declineReason", "noticeText")
                .forEach(f -> needed.addAll(List.of("field." + f, "hint." + f, "adoptions.error." + f)));
        Stream.of("requested", "accepted", "declined", "noticeSent").forEach(n -> needed.add("adoptions.notice." + n));
        org.preconsult.adoption.model.ChangeNotice.TEXTS.forEach(t -> needed.add(t.key()));
        var en = keys("en");
        var ko = keys("ko");
        var missing = new TreeSet<String>();
        for (String key : needed) {
            if (!en.contains(key) || !ko.contains(key)) {
                missing.add(key);
            }
        }
        assertTrue(missing.isEmpty(), "missing: " + missing);
    }
}
