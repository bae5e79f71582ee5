package org.preconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;
import org.preconsult.testing.NodeFixture;

/**
 * The web UI's sessions beside the API's bearer tokens: signing in and out, CSRF and cross-site
 * refusals, a disabled user losing the session at once, languages, and the drafting flow without
 * JavaScript.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiTest implements TestPropertyProvider {


    @Inject
    EmbeddedServer server;
    HttpClient http;
    @Inject
    ManagingUsers users;
    @Inject
    TokenGenerator tokens;
    @Inject
    org.preconsult.system.application.SystemRegistry systems;
    @Inject
    org.preconsult.catalogue.application.Catalogue catalogue;
    @Inject
    org.preconsult.review.application.ReviewPolicy policy;

    @Override
    public Map<String, String> getProperties() {
        return new HashMap<>(NodeFixture.nodeProperties());
    }

    @BeforeAll
    void createUsers() {
        // A browser test sees redirects as they are, so this client does not follow them.
        http = PageClient.withoutRedirects(server.getURL());
        users.create("clerk", "clerk-password", "Kim Clerk", EnumSet.of(Role.COORDINATOR));
        users.create("leaving", "leaving-password", "Lee Leaving", EnumSet.of(Role.COORDINATOR));
        users.create("op", "operator-password", "Oh Operator", EnumSet.of(Role.OPERATOR));
        users.create("rev", "reviewer-password", "Ryu Reviewer", EnumSet.of(Role.REVIEWER));
    }

    @Test
    void signingIn_setsAnHttpOnlySameSiteSessionCookie_andBearerTokensKeepWorking() {
        var browser = new PageClient(http);
        browser.get("/sign-in");
        var signedIn = browser.post("/sign-in", Map.of("username", "clerk", "password", "clerk-password", "_csrf", browser.csrf));
        assertEquals(303, signedIn.code());
        String cookie = signedIn.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("preconsult_session=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        var plans = browser.get("/plans");
        assertEquals(200, plans.code());
        assertTrue(plans.body().contains("Your plans"));

        var api = http.toBlocking().exchange(NodeFixture.getAs(tokens, "/api/v1/plans", "COORDINATOR"), String.class);
        assertEquals(200, api.code(), "the API's bearer tokens work beside the sessions");
    }

    @Test
    void aPageWithoutSession_sendsTheBrowserToSignIn_whileTheApiAnswers401() {
        var page = new PageClient(http).get("/plans");
        assertEquals(303, page.code());
        assertTrue(page.getHeaders().get("Location").startsWith("/sign-in?next=%2Fplans"));
        var api = new PageClient(http).get("/api/v1/plans");
        assertEquals(401, api.code());
    }

    @Test
    void theApi_ignoresTheSessionCookie_soABrowserCannotBeMadeToCallIt() {
        var browser = new PageClient(http);
        browser.signIn("clerk", "clerk-password");
        assertEquals(200, browser.get("/plans").code());
        assertEquals(401, browser.get("/api/v1/plans").code());
    }

    @Test
    void aWrongPassword_isRefusedOnTheSignInPage() {
        var browser = new PageClient(http);
        var refused = browser.signIn("clerk", "not-the-password");
        assertEquals(400, refused.code());
        assertTrue(refused.body().contains("There is a problem"));
        assertFalse(browser.cookies.containsKey("preconsult_session"));
    }

    @Test
    void aFormWithoutTheSessionsCsrfToken_isRefused() {
        var browser = new PageClient(http);
        browser.signIn("clerk", "clerk-password");
        var forged = browser.post("/plans", Map.of("title", "Forged plan", "_csrf", "not-the-token"));
        assertEquals(403, forged.code());
        var missing = browser.post("/plans", Map.of("title", "Forged plan"));
        assertEquals(403, missing.code());
        browser.get("/plans/new");
        var real = browser.post("/plans", Map.of("title", "Real plan", "_csrf", browser.csrf));
        assertEquals(303, real.code());
    }

    @Test
    void aSignInFormWithoutItsCookieToken_isRefused() {
        var browser = new PageClient(http);
        var refused = browser.post("/sign-in", Map.of("username", "clerk", "password", "clerk-password", "_csrf", "guessed"));
        assertEquals(403, refused.code());
        assertFalse(browser.cookies.containsKey("preconsult_session"));
    }

    @Test
    void aCrossSiteFormPost_isRefusedBeforeTheController() {
        var browser = new PageClient(http);
        browser.signIn("clerk", "clerk-password");
        browser.get("/plans/new");
        var request = HttpRequest.POST("/plans", Map.of("title", "From elsewhere", "_csrf", browser.csrf))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("Sec-Fetch-Site", "cross-site");
        assertEquals(403, browser.send(request).code());
        var otherOrigin = HttpRequest.POST("/plans", Map.of("title", "From elsewhere", "_csrf", browser.csrf))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("Origin", "https://attacker.example");
        assertEquals(403, browser.send(otherOrigin).code());
    }

    @Test
    void signingOut_endsTheSessionOnTheServer() {
        var browser = new PageClient(http);
        browser.signIn("clerk", "clerk-password");
        String stolen = browser.cookies.get("preconsult_session");
        browser.get("/plans");
        assertEquals(303, browser.post("/sign-out", Map.of("_csrf", browser.csrf)).code());
        var replay = new PageClient(http);
        replay.cookies.put("preconsult_session", stolen);
        assertEquals(303, replay.get("/plans").code(), "the old cookie no longer signs anyone in");
    }

    @Test
    void aDisabledUser_losesTheSessionAtOnce() {
        var browser = new PageClient(http);
        browser.signIn("leaving", "leaving-password");
        assertEquals(200, browser.get("/plans").code());
        users.change("leaving", null, null, false, null);
        assertEquals(303, browser.get("/plans").code());
    }

    @Test
    void theBrowsersLanguage_choosesKorean_andTheSwitchIsRemembered() {
        var browser = new PageClient(http);
        browser.acceptLanguage = "ko-KR,ko;q=0.9,en;q=0.5";
        var korean = browser.get("/sign-in");
        assertTrue(korean.body().contains("<html lang=\"ko\""), "lang attribute");
        assertTrue(korean.body().contains("로그인"));
        var english = browser.get("/sign-in?lang=en");
        assertTrue(english.body().contains("<html lang=\"en\""));
        assertTrue(browser.get("/sign-in").body().contains("<html lang=\"en\""), "the switch is kept in a cookie");
    }

    @Test
    void aCoordinator_draftsAPlanWithoutJavaScript_seesCompleteness_andTypedTextComesBackWhenADateIsWrong() {
        var browser = new PageClient(http);
        browser.signIn("clerk", "clerk-password");
        browser.get("/plans/new");
        var created = browser.post("/plans", Map.of("title", "Building permit workflow", "_csrf", browser.csrf));
        String edit = created.getHeaders().get("Location");
        assertTrue(edit.matches("/plans/[0-9a-f-]+/edit"), edit);
        var form = browser.get(edit);
        assertTrue(form.body().contains("Completeness"));
        assertTrue(form.body().contains("What already exists"));

        var wrong = new HashMap<String, String>(Map.of("_csrf", browser.csrf, "title", "Building permit workflow",
                "purpose", "Citizens apply for building permits online and follow the review of their application.",
                "plannedStart", "next spring"));
        var refused = browser.post(edit, wrong);
        assertEquals(400, refused.code());
        assertTrue(refused.body().contains("Citizens apply for building permits online"), "typed text is kept");
        assertTrue(refused.body().contains("href=\"#plannedStart\""), "the error summary links to the field");

        wrong.put("plannedStart", "2027-03-01");
        var saved = browser.post(edit, wrong);
        assertEquals(303, saved.code());
        assertTrue(browser.get(saved.getHeaders().get("Location")).body().contains("Citizens apply for building permits online"));
    }

    @Test
    void anUnknownPlan_isAPageInTheUsersLanguage_notTheApisProblemJson() {
        var browser = new PageClient(http);
        browser.acceptLanguage = "ko";
        browser.signIn("clerk", "clerk-password");
        var missing = browser.get("/plans/no-such-plan");
        assertEquals(404, missing.code());
        assertTrue(missing.body().contains("페이지를 찾을 수 없습니다"), missing.body());
    }

    @Test
    void staticAssets_areServedToAnyone() {
        assertEquals(200, new PageClient(http).get("/assets/govuk/govuk-frontend.min.css").code());
        assertEquals(200, new PageClient(http).get("/assets/app/app.js").code());
    }

    @Test
    void aCoordinator_registersEditsAndRetiresASystem_withoutJavaScript_andBadInputStoresNothing() {
        var browser = new PageClient(http);
        browser.signIn("clerk", "clerk-password");
        assertEquals(200, browser.get("/systems/new").code());
        long before = systems.list(io.micronaut.data.model.Pageable.from(0, 1)).getTotalSize();
        var form = new HashMap<String, String>(Map.of("_csrf", browser.csrf, "name", "", "description",
                "Residents book sports halls online.", "functions", "booking\npayment", "status", "OPERATING",
                "goLiveYear", "twenty-nineteen"));
        var refused = browser.post("/systems", form);
        assertEquals(400, refused.code());
        assertTrue(refused.body().contains("href=\"#name\"") && refused.body().contains("href=\"#goLiveYear\""),
                "the error summary links to each field");
        assertTrue(refused.body().contains("Residents book sports halls online."), "typed text is kept");
        assertEquals(before, systems.list(io.micronaut.data.model.Pageable.from(0, 1)).getTotalSize(), "nothing stored");

        form.put("name", "Sports hall booking");
        form.put("goLiveYear", "2019");
        var registered = browser.post("/systems", form);
        assertEquals(303, registered.code());
        var list = browser.get(registered.getHeaders().get("Location"));
        assertTrue(list.body().contains("Sports hall booking") && list.body().contains("id=\"notice\""), list.body());
        var system = systems.list(io.micronaut.data.model.Pageable.from(0, 500)).getContent().stream()
                .filter(s -> s.name().equals("Sports hall booking")).findFirst().orElseThrow();

        browser.get("/systems/" + system.id() + "/edit");
        form.put("_csrf", browser.csrf);
        form.put("name", "Sports hall and pool booking");
        assertEquals(303, browser.post("/systems/" + system.id(), form).code());
        assertEquals("Sports hall and pool booking", systems.find(system.id()).orElseThrow().name());

        // The registry and the system download from the pages as the import reads them, in the session.
        assertTrue(browser.get("/systems").body().contains("href=\"/systems/" + system.id() + "/publiccode.yml\""));
        var csv = browser.get("/systems/export.csv");
        assertEquals(200, csv.code());
        assertTrue(csv.getHeaders().get("Content-Type").startsWith("text/csv"), csv.getHeaders().get("Content-Type"));
        assertTrue(csv.body().startsWith("id,kind,owner,name") && csv.body().contains("Sports hall and pool booking"), csv.body());
        var yaml = browser.get("/systems/" + system.id() + "/publiccode.yml");
        assertEquals(200, yaml.code());
        assertTrue(yaml.body().contains("name: Sports hall and pool booking"), yaml.body());
        assertEquals(404, browser.get("/systems/no-such-system/publiccode.yml").code());
        var catalogue = browser.get("/catalogue/export.csv");
        assertEquals(200, catalogue.code());
        assertTrue(catalogue.body().contains("Sports hall and pool booking"), "the catalogue copy holds the own system");
        assertEquals(303, new PageClient(http).get("/systems/export.csv").code(), "no session, no download");

        browser.get("/systems/" + system.id() + "/retire");
        var future = browser.post("/systems/" + system.id() + "/retire", Map.of("_csrf", browser.csrf,
                "retiredOn", "2999-01-01", "reason", "Replaced"));
        assertEquals(400, future.code());
        assertTrue(future.body().contains("href=\"#retiredOn\""));
        assertEquals(org.preconsult.catalogue.model.EntryStatus.OPERATING, systems.find(system.id()).orElseThrow().status(), "not retired");
        var retired = browser.post("/systems/" + system.id() + "/retire", Map.of("_csrf", browser.csrf,
                "retiredOn", "2020-01-01", "reason", "Replaced by the province's shared booking system"));
        assertEquals(303, retired.code());
        assertEquals(org.preconsult.catalogue.model.EntryStatus.RETIRED, systems.find(system.id()).orElseThrow().status());
        assertEquals(409, browser.get("/systems/" + system.id() + "/edit").code(), "a retired system is not edited");
    }

    private HttpResponse<String> upload(PageClient browser, String format, String fileName, String content) {
        var body = io.micronaut.http.client.multipart.MultipartBody.builder().addPart("_csrf", browser.csrf)
                .addPart("format", format)
                .addPart("file", fileName, MediaType.TEXT_PLAIN_TYPE, content.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build();
        return browser.send(HttpRequest.POST("/operator/import", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    @Test
    void anOperator_uploadsACsvWithABadRow_seesEachRefusedRowAndWhy_andNothingIsImported_thenImportsTheFixedFile() {
        var browser = new PageClient(http);
        browser.signIn("op", "operator-password");
        assertEquals(200, browser.get("/operator/import").code());
        String bad = "id,kind,owner,name,description\nweb-1,EXISTING_SYSTEM,City C,Library app,Residents borrow books.\n"
                + "web-2,SPACESHIP,City C,,Launches rockets.\n";
        var refused = upload(browser, "csv", "entries.csv", bad);
        assertEquals(422, refused.code());
        assertTrue(refused.body().contains("id=\"refused\"") && refused.body().contains("row 3"), refused.body());
        assertTrue(catalogue.find("web-1").isEmpty(), "nothing is imported when a row is refused");

        var json = upload(browser, "json", "entries.json", "[{\"id\":\"web-3\",\"kind\":\"EXISTING_SYSTEM\","
                + "\"owner\":\"City C\",\"name\":\"Parking permits\",\"description\":\"Residents apply for parking permits.\"}]");
        assertEquals(200, json.code(), json.body());
        assertTrue(catalogue.find("web-3").isPresent());

        var noFile = upload(browser, "yaml", "", "");
        assertEquals(400, noFile.code());
        assertTrue(noFile.body().contains("href=\"#format\"") && noFile.body().contains("href=\"#file\""), noFile.body());

        var good = upload(browser, "csv", "entries.csv", "id,kind,owner,name,description\n"
                + "web-1,EXISTING_SYSTEM,City C,Library app,Residents borrow books.\n");
        assertEquals(200, good.code(), good.body());
        assertTrue(good.body().contains("id=\"import-counts\""));
        assertTrue(catalogue.find("web-1").isPresent());
    }

    @Test
    void anOperatorReadingKorean_seesEveryRefusalReasonInKorean_withTheValuesFromTheFileAsWritten() {
        var browser = new PageClient(http);
        browser.acceptLanguage = "ko";
        browser.signIn("op", "operator-password");
        browser.get("/operator/import");
        var refused = upload(browser, "csv", "entries.csv", "id,kind,owner,name,description,budget\n"
                + "ko-1,SPACESHIP,City C,,Launches rockets.,12.345\n");
        assertEquals(422, refused.code());
        String page = refused.body();
        assertTrue(page.contains("<html lang=\"ko\""), page);
        assertTrue(page.contains(">2행<"), "the row in Korean: " + page);
        assertTrue(page.contains("<code>kind</code>"), "the field within its row: " + page);
        assertTrue(page.contains("항목 ‘ko-1’: kind ‘SPACESHIP’는 STANDARD_SYSTEM, EXISTING_SYSTEM, PLAN 중 하나가 아닙니다."), page);
        assertTrue(page.contains("항목 ‘ko-1’: name 값은 필수입니다."), page);
        assertTrue(page.contains("항목 ‘ko-1’: budget 12.345의 소수점 이하가 2자리를 넘습니다."), "the value as written: " + page);
        assertTrue(page.contains("항목 1개가 올바르지 않아 아무것도 가져오지 않았습니다."), page);
        assertFalse(page.contains("is not one of") || page.contains("is required") || page.contains("cell\" lang=\"en\""),
                "no English reason left: " + page);
        assertTrue(page.contains("id=\"import-detail\" lang=\"ko\""), page);

        var header = upload(browser, "csv", "entries.csv", "id,kind,colour\nko-2,PLAN,red\n");
        assertTrue(header.body().contains("알 수 없는 열 ‘colour’입니다.")
                && header.body().contains("CSV 머리글 행이 올바르지 않아"), header.body());
    }

    @Test
    void anOperator_changesTheReviewPolicy_andAConfidenceOutOfRangeChangesNothing() {
        var browser = new PageClient(http);
        browser.signIn("op", "operator-password");
        browser.get("/operator/review-policy");
        var before = policy.current();
        var refused = browser.post("/operator/review-policy", Map.of("_csrf", browser.csrf, "automaticDecisions", "true",
                "minConfidence", "0.2"));
        assertEquals(400, refused.code());
        assertTrue(refused.body().contains("href=\"#minConfidence\""));
        assertEquals(before, policy.current(), "nothing stored");
        var saved = browser.post("/operator/review-policy", Map.of("_csrf", browser.csrf, "automaticDecisions", "true",
                "minConfidence", "0.95"));
        assertEquals(303, saved.code());
        assertEquals(new org.preconsult.review.application.ReviewPolicy.Policy(true, 0.95), policy.current());
        policy.change(before);
    }

    @Test
    void anOperator_seesTheKeysAndTheFederationStatus_andRotatesTheSigningKey() {
        var browser = new PageClient(http);
        browser.signIn("op", "operator-password");
        var keys = browser.get("/operator/keys");
        assertEquals(200, keys.code());
        int activeBefore = keys.body().split("keys.active|>Active<", -1).length;
        assertTrue(keys.body().contains("id=\"own-keys\""));
        assertEquals(303, browser.post("/operator/keys/rotation", Map.of("_csrf", browser.csrf)).code());
        var after = browser.get("/operator/keys?rotated=1");
        assertTrue(after.body().contains(">Retired "), "the old key is retired, the new one active");
        var federation = browser.get("/operator/federation");
        assertEquals(200, federation.code());
        assertTrue(federation.body().contains("Rejected items (") && federation.body().contains("Replication conflicts ("));
        assertTrue(activeBefore > 1);
    }

    @Test
    void aSignedInUserWithoutTheRole_seesAForbiddenPageInTheirLanguage_notJson() {
        var browser = new PageClient(http);
        browser.acceptLanguage = "ko";
        browser.signIn("clerk", "clerk-password");
        var refused = browser.get("/operator/users");
        assertEquals(403, refused.code());
        assertTrue(refused.getContentType().map(t -> t.getName().equals("text/html")).orElse(false), String.valueOf(refused.getContentType()));
        assertTrue(refused.body().contains("<html lang=\"ko\"") && refused.body().contains("이 화면을 쓸 수 없습니다"), refused.body());
        assertTrue(refused.body().contains("href=\"/plans\""), "the menu the person may use");
        var api = browser.send(HttpRequest.GET("/api/v1/users").bearerAuth(tokens.generateToken(
                io.micronaut.security.authentication.Authentication.build("clerk", java.util.List.of("COORDINATOR")), 600).orElseThrow()));
        assertEquals(403, api.code());
        assertFalse(api.body().contains("<html"), "the API keeps answering problem+json");
    }

    @Test
    void aReviewer_readsTheTurnaroundReportAsATable_andTheConditionsPerGovernment_andFiltersTheQueue() {
        var browser = new PageClient(http);
        browser.signIn("rev", "reviewer-password");
        var report = browser.get("/reports/turnaround");
        assertEquals(200, report.code());
        assertTrue(report.body().contains("Turnaround of review"), report.body());
        assertEquals(200, browser.get("/reports/conditions").code());
        assertEquals(200, browser.get("/assets/uplot/uPlot.iife.min.js").code(), "the chart library is served by the node");
        var queue = browser.get("/cases?status=ALL&owner=Nobody&functionCode=99&language=ko&overdue=1");
        assertEquals(200, queue.code());
        assertTrue(queue.body().contains("value=\"Nobody\"") && queue.body().contains("checked"), "the filters come back as set");
    }

    @Test
    void theCatalogueFilters_narrowTheResultsToTheOwnerAndTheLanguage() {
        catalogue.upsert(new org.preconsult.catalogue.model.CatalogueEntry("filter-1", org.preconsult.catalogue.model.EntryKind.EXISTING_SYSTEM,
                "Filter City", "Dog licence register", "Residents register their dogs.", java.util.List.of(), "07-1", "en",
                org.preconsult.catalogue.model.EntryStatus.OPERATING, null, "elsewhere", 1, java.time.Instant.now()));
        var browser = new PageClient(http);
        browser.signIn("clerk", "clerk-password");
        var found = browser.get("/catalogue?owner=filter+city&functionCode=07");
        assertTrue(found.body().contains("Dog licence register"), found.body());
        var none = browser.get("/catalogue?owner=filter+city&language=ko");
        assertFalse(none.body().contains("Dog licence register"));
        var words = browser.get("/catalogue?q=dog+licence&owner=Another+City");
        assertFalse(words.body().contains("Dog licence register"), "the filters apply to a search by words too");
    }
}
