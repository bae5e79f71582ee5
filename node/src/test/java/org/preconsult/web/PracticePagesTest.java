package org.preconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.catalogue.application.BestPracticeMarks;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;

/**
 * Marking a catalogue entry as best practice through the pages at central: the reason required,
 * nothing stored and nothing audited on bad input, the mark shown on the entry page and withdrawn,
 * and the page closed to roles that do not mark.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PracticePagesTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    NodeClient api;
    @Inject
    ManagingUsers users;
    @Inject
    BestPracticeMarks marks;
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties("CENTRAL");
    }

    @BeforeAll
    void createUsers() {
        http = PageClient.withoutRedirects(server.getURL());
        users.create("rev", "reviewer-password", "Ryu Reviewer", EnumSet.of(Role.REVIEWER));
        users.create("sub", "submitter-password", "Seo Submitter", EnumSet.of(Role.SUBMITTER));
    }

    private PageClient signedIn(String username, String password) {
        return PageClient.signedIn(http, username, password);
    }

    private String standardSystem(String name) {
        var reply = api.send(HttpRequest.POST("/api/v1/standard-systems", Map.of("name", name,
                "description", name + " distributed to every municipality.", "functions", List.of("records"))), "OPERATOR");
        assertEquals(201, reply.status(), reply.json().toString());
        return (String) reply.json().get("id");
    }

    private static String entryPage(String id) {
        return "/catalogue/entry?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private boolean marked(String id) {
        return marks.markedEntryIds().contains(id);
    }

    @Test
    void aReviewerAtCentral_marksAnEntryWithAReason_seesItOnTheEntry_andWithdrawsIt() {
        String id = standardSystem("National archive service");
        var browser = signedIn("rev", "reviewer-password");
        var entry = browser.body(entryPage(id));
        assertTrue(entry.contains("id=\"practice-link\""), entry);

        browser.body("/catalogue/best-practice?id=" + id);
        var empty = browser.submit("/catalogue/best-practice", Map.of("id", id, "practiceReason", "  "));
        assertEquals(400, empty.code());
        assertTrue(empty.body().contains("govuk-error-summary") && empty.body().contains("href=\"#practiceReason\""),
                empty.body());
        var tooLong = browser.submit("/catalogue/best-practice", Map.of("id", id, "practiceReason", "x".repeat(1001)));
        assertEquals(400, tooLong.code());
        assertFalse(marked(id), "nothing stored");
        assertEquals(0, api.audited(id, "MARKED_BEST_PRACTICE"), "nothing audited");

        var done = browser.submit("/catalogue/best-practice",
                Map.of("id", id, "practiceReason", "Adopted by 40 municipalities without customization."));
        assertEquals(303, done.code(), done.body());
        assertTrue(marked(id));
        assertEquals(1, api.audited(id, "MARKED_BEST_PRACTICE"), "audited as through the API");
        var shown = browser.body(done.getHeaders().get("Location"));
        assertTrue(shown.contains("id=\"notice\"") && shown.contains("Adopted by 40 municipalities without customization."),
                shown);

        var form = browser.body("/catalogue/best-practice?id=" + id);
        assertTrue(form.contains("Adopted by 40 municipalities") && form.contains("id=\"practice-withdraw\""),
                "the form shows this node's reason and the withdrawal");
        var withdrawn = browser.submit("/catalogue/best-practice/withdrawal", Map.of("id", id));
        assertEquals(303, withdrawn.code(), withdrawn.body());
        assertFalse(marked(id));
        assertFalse(browser.body(withdrawn.getHeaders().get("Location")).contains("Adopted by 40 municipalities"));
    }

    @Test
    void aSubmitter_seesTheMarkButCannotMark_andAFormWithoutTheCsrfTokenStoresNothing() {
        String id = standardSystem("National payroll service");
        api.send(HttpRequest.PUT("/api/v1/best-practices/" + id, Map.of("reason", "Runs payroll for 200 agencies.")),
                "REVIEWER");
        var submitter = signedIn("sub", "submitter-password");
        var entry = submitter.body(entryPage(id));
        assertTrue(entry.contains("Runs payroll for 200 agencies.") && entry.contains("id=\"best-practice\""), entry);
        assertFalse(entry.contains("id=\"practice-link\""), "no link for a role that does not mark");
        assertEquals(403, submitter.get("/catalogue/best-practice?id=" + id).code());
        assertEquals(403, submitter.submit("/catalogue/best-practice/withdrawal", Map.of("id", id)).code());
        assertTrue(marked(id));

        var reviewer = signedIn("rev", "reviewer-password");
        reviewer.body("/catalogue/best-practice?id=" + id);
        assertEquals(403, reviewer.post("/catalogue/best-practice/withdrawal", Map.of("id", id)).code());
        assertTrue(marked(id), "a form without the session's token changes nothing");
        assertEquals(404, reviewer.get("/catalogue/best-practice?id=no-such-entry").code());
    }
}
