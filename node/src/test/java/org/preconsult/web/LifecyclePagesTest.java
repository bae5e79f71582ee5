package org.preconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;
import org.preconsult.lifecycle.application.ChangingLifecycle;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;

/**
 * The pages of life after the decision at one node (central, deciding its own plans): kickoff,
 * completion, cancellation after a confirmation and deliverables through forms without JavaScript,
 * their validation (nothing stored, the error summary), their roles, and the statistics page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecyclePagesTest implements TestPropertyProvider {

    private static final String CHECKSUM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Inject
    EmbeddedServer server;
    @Inject
    NodeClient api;
    @Inject
    ManagingUsers users;
    @Inject
    ChangingLifecycle lifecycle;
    @Inject
    DataSource dataSource;
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties("CENTRAL");
    }

    @BeforeAll
    void createUsers() {
        http = PageClient.withoutRedirects(server.getURL());
        users.create("coord", "coordinator-password", "Kang Coordinator", EnumSet.of(Role.COORDINATOR));
        users.create("sub", "submitter-password", "Seo Submitter", EnumSet.of(Role.SUBMITTER));
        users.create("rev", "reviewer-password", "Ryu Reviewer", EnumSet.of(Role.REVIEWER));
    }

    private PageClient signedIn(String username, String password) {
        return PageClient.signedIn(http, username, password);
    }

    /** Drafts, submits and approves a plan of this node through the API; returns its id. */
    private String approvedPlan(String title) {
        return api.decidedPlan(title, "LIFE", Map.of("outcome", "UNCONDITIONAL_APPROVAL", "reasons", List.of("No overlap."),
                "overrideReason", "The reviewer's judgement in this test.")).planId();
    }

    private String stage(String planId) {
        return lifecycle.recordOf(planId).orElseThrow().stage().name();
    }

    private long audited(String planId, String action) {
        return api.audited(planId, action);
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }

    @Test
    void aCoordinator_recordsKickoffAndCompletion_withoutJavaScript_andAFutureDateStoresNothing() {
        String id = approvedPlan("Harbour berth booking");
        var browser = signedIn("coord", "coordinator-password");
        var plan = browser.body("/plans/" + id);
        assertTrue(plan.contains("id=\"lifecycle\"") && plan.contains("/plans/" + id + "/lifecycle/kickoff"), plan);

        browser.body("/plans/" + id + "/lifecycle/kickoff");
        var future = browser.submit("/plans/" + id + "/lifecycle/kickoff", Map.of("kickoffOn", "2999-01-01"));
        assertEquals(400, future.code());
        assertTrue(future.body().contains("govuk-error-summary") && future.body().contains("href=\"#kickoffOn\""), future.body());
        assertTrue(future.body().contains("value=\"2999-01-01\""), "what was typed comes back");
        var unparsable = browser.submit("/plans/" + id + "/lifecycle/kickoff", Map.of("kickoffOn", "next week"));
        assertEquals(400, unparsable.code());
        assertEquals("APPROVED", stage(id), "nothing stored");
        assertEquals(0, audited(id, "LIFECYCLE_KICKED_OFF"));

        var started = browser.submit("/plans/" + id + "/lifecycle/kickoff", Map.of("kickoffOn", today()));
        assertEquals(303, started.code(), started.body());
        assertEquals("IN_PROGRESS", stage(id));
        assertEquals(1, audited(id, "LIFECYCLE_KICKED_OFF"), "audited as through the API");
        var shown = browser.body(started.getHeaders().get("Location"));
        assertTrue(shown.contains("id=\"notice\"") && shown.contains("In progress"), shown);

        browser.body("/plans/" + id + "/lifecycle/completion");
        var early = browser.submit("/plans/" + id + "/lifecycle/completion", Map.of("goLiveOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()));
        assertEquals(400, early.code());
        assertTrue(early.body().contains("href=\"#goLiveOn\"") && early.body().contains("cannot be before the kickoff"), early.body());
        assertEquals("IN_PROGRESS", stage(id));
        assertEquals(303, browser.submit("/plans/" + id + "/lifecycle/completion", Map.of("goLiveOn", today())).code());
        assertEquals("COMPLETED", stage(id));
        assertEquals(1, audited(id, "LIFECYCLE_COMPLETED"));
        var completed = browser.body("/plans/" + id);
        assertTrue(completed.contains("Completed") && completed.contains("Missing deliverables"), completed);
        assertFalse(completed.contains("/lifecycle/cancellation\""), "a completed plan is not cancelled");
    }

    @Test
    void aCoordinator_cancelsAPlanOnlyAfterConfirming_andAnEmptyReasonStoresNothing() {
        String id = approvedPlan("Tram stop displays");
        var browser = signedIn("coord", "coordinator-password");
        browser.body("/plans/" + id + "/lifecycle/cancellation");
        var empty = browser.submit("/plans/" + id + "/lifecycle/cancellation", Map.of("cancelReason", "  "));
        assertEquals(400, empty.code());
        assertTrue(empty.body().contains("href=\"#cancelReason\""), empty.body());

        var confirm = browser.submit("/plans/" + id + "/lifecycle/cancellation", Map.of("cancelReason", "The province's system is adopted instead."));
        assertEquals(200, confirm.code());
        assertTrue(confirm.body().contains("id=\"confirm-cancel\"") && confirm.body().contains("The province&#39;s system is adopted instead."), confirm.body());
        assertEquals("APPROVED", stage(id), "asking for confirmation changes nothing");
        var back = browser.body("/plans/" + id + "/lifecycle/cancellation?reason=Adopted+instead");
        assertTrue(back.contains(">Adopted instead</textarea>"), "back from the confirmation, the reason as typed");

        var refused = browser.submit("/plans/" + id + "/lifecycle/cancellation/confirmed", Map.of("cancelReason", ""));
        assertEquals(400, refused.code());
        assertEquals("APPROVED", stage(id));
        var cancelled = browser.submit("/plans/" + id + "/lifecycle/cancellation/confirmed",
                Map.of("cancelReason", "The province's system is adopted instead."));
        assertEquals(303, cancelled.code());
        assertEquals("CANCELLED", stage(id));
        assertEquals(1, audited(id, "LIFECYCLE_CANCELLED"));
        var shown = browser.body("/plans/" + id);
        assertTrue(shown.contains("Cancelled") && shown.contains("adopted instead"), shown);
        var again = browser.submit("/plans/" + id + "/lifecycle/kickoff", Map.of("kickoffOn", today()));
        assertEquals(409, again.code(), "a cancelled plan does not start: the conflict page");
        assertTrue(again.body().contains("<html"), again.body());
    }

    @Test
    void aCoordinator_addsADeliverable_andBadMetadataIsRefusedFieldByField() {
        String id = approvedPlan("School meal orders");
        var browser = signedIn("coord", "coordinator-password");
        assertTrue(browser.body("/plans/" + id + "/lifecycle/deliverables").contains("id=\"deliverable-form\""));
        var bad = browser.submit("/plans/" + id + "/lifecycle/deliverables", Map.of("kind", "BROCHURE", "deliverableTitle", "",
                "deliveredOn", "2999-12-31", "sizeBytes", "large", "checksum", "abc", "link", ""));
        assertEquals(400, bad.code());
        for (String field : List.of("kind", "deliverableTitle", "deliveredOn", "sizeBytes", "checksum")) {
            assertTrue(bad.body().contains("href=\"#" + field + "\""), field);
        }
        var ftp = browser.submit("/plans/" + id + "/lifecycle/deliverables", Map.of("kind", "REQUEST_FOR_PROPOSAL",
                "deliverableTitle", "RFP", "deliveredOn", today(), "sizeBytes", "1000", "checksum", CHECKSUM, "link", "ftp://files/rfp"));
        assertEquals(400, ftp.code());
        assertTrue(ftp.body().contains("href=\"#link\""), ftp.body());
        assertTrue(lifecycle.recordOf(id).orElseThrow().deliverables().isEmpty(), "nothing stored");

        var added = browser.submit("/plans/" + id + "/lifecycle/deliverables", Map.of("kind", "REQUEST_FOR_PROPOSAL",
                "deliverableTitle", "Request for proposal, school meals", "deliveredOn", today(), "sizeBytes", "482113",
                "checksum", CHECKSUM.toUpperCase(), "link", "https://docs.example.org/rfp.pdf"));
        assertEquals(303, added.code(), added.body());
        var list = browser.body(added.getHeaders().get("Location"));
        assertTrue(list.contains("Request for proposal, school meals") && list.contains("482,113") && list.contains("id=\"notice\""), list);
        assertEquals(1, lifecycle.recordOf(id).orElseThrow().deliverables().size());
        assertEquals(1, audited(id, "LIFECYCLE_DELIVERED"));
    }

    @Test
    void aSubmitterSeesTheLifecycle_butItsFormsAreForbidden_andAReviewerCannotOpenThem() {
        String id = approvedPlan("Library loans");
        var submitter = signedIn("sub", "submitter-password");
        var plan = submitter.body("/plans/" + id);
        assertTrue(plan.contains("id=\"lifecycle\"") && !plan.contains("/lifecycle/kickoff\""), plan);
        assertEquals(200, submitter.get("/plans/" + id + "/lifecycle/deliverables").code());
        var refused = submitter.get("/plans/" + id + "/lifecycle/kickoff");
        assertEquals(403, refused.code());
        assertTrue(refused.body().contains("<html"), "the forbidden page, not JSON");
        assertEquals(403, submitter.submit("/plans/" + id + "/lifecycle/kickoff", Map.of("kickoffOn", today())).code());
        assertEquals("APPROVED", stage(id));
        var reviewer = signedIn("rev", "reviewer-password");
        assertEquals(403, reviewer.get("/plans/" + id + "/lifecycle/cancellation").code());
    }

    @Test
    void aReviewerReadsTheStatisticsAndTheLeagueTable_inKoreanWithItsFormatting_andDownloadsThem() {
        String id = approvedPlan("Parking permits");
        var reviewer = new PageClient(http);
        reviewer.acceptLanguage = "ko";
        reviewer.signIn("rev", "reviewer-password");
        var page = reviewer.body("/statistics");
        assertTrue(page.contains("<html lang=\"ko\"") && page.contains("연도별 신청과 결과") && page.contains("id=\"league-table\""), page);
        assertTrue(Pattern.compile("numeric\">[0-9]{2,3},000,000<").matcher(page).find(), "the budget reviewed, grouped: " + page);
        assertTrue(page.contains("href=\"/statistics\"") , "in the menu");
        var csv = reviewer.get("/statistics/table.csv");
        assertEquals(200, csv.code());
        assertTrue(csv.body().startsWith("year,applications,") && csv.body().contains("\ntotal,"), csv.body());
        var json = reviewer.get("/statistics/league.json");
        assertEquals(200, json.code());
        assertTrue(json.body().contains("\"rows\""), json.body());
        assertEquals(200, reviewer.get("/statistics/table.json").code());
        assertEquals(200, reviewer.get("/statistics/league.csv").code());
        assertEquals(404, reviewer.get("/statistics?subtree=nowhere").code(), "an unknown child, as the API");
        var submitter = signedIn("sub", "submitter-password");
        assertEquals(403, submitter.get("/statistics").code());
        assertFalse(submitter.body("/plans/" + id).contains("href=\"/statistics\""), "not in a submitter's menu");
    }
}
