package org.preconsult.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;

/**
 * The round trip in a real browser against real nodes, in English and in Korean: a coordinator at a
 * local government drafts a plan and sees what already exists beside the form, submits it after
 * checking the answers; a reviewer at the province finds it in the queue, reads the evidence and
 * records the recommended conditional approval; the coordinator sees the decision and fulfils the
 * condition. axe-core checks every page; the main pages are saved into docs/ui/.
 */
class BrowserRoundTripTest {

    static FederationFixture federation;
    static final List<Browser.Violation> VIOLATIONS = new ArrayList<>();
    static final Map<String, Double> TIMINGS = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void startFederation() {
        federation = FederationFixture.standardTree();
        federation.node("city-a").context().getBean(ManagingUsers.class)
                .create("coordinator", "coordinator-password", "Park Coordinator", EnumSet.of(Role.COORDINATOR));
        federation.node("prov-north").context().getBean(ManagingUsers.class)
                .create("reviewer", "reviewer-password", "Choi Reviewer", EnumSet.of(Role.REVIEWER));
        federation.node("central").context().getBean(ManagingUsers.class)
                .create("central-reviewer", "reviewer-password", "Kang Reviewer", EnumSet.of(Role.REVIEWER));
        var system = PlanFixture.system("Building permit online service",
                "Residents apply for building permits online, upload their drawings and documents, and track the "
                        + "review of their permit application.");
        system.put("functions", List.of("online application", "document upload", "status tracking"));
        federation.node("city-b").postJson("COORDINATOR", "/api/v1/systems", system);
        var cityA = federation.node("city-a");
        FederationFixture.await("City B's system reaches City A's catalogue", Duration.ofSeconds(30),
                () -> cityA.count("SELECT COUNT(*) FROM catalogue_entry WHERE name = ?", "Building permit online service") == 1);
    }

    @AfterAll
    static void stopFederation() {
        federation.close();
        System.out.println("Server time per page (ms), first byte after the request was sent:");
        TIMINGS.forEach((page, ms) -> System.out.printf("  %6.1f  %s%n", ms, page));
        System.out.println("axe-core findings (all impacts): " + VIOLATIONS);
    }

    /** What the coordinator types, in the language of the run. */
    record PlanText(String title, String purpose, String functions, String language) {
    }

    @Test
    void coordinatorDraftsAndSubmits_reviewerDecidesAtTheProvince_coordinatorFulfilsTheCondition_inEnglish() {
        roundTrip("en", new PlanText("Online building permits",
                "Residents apply for building permits online, upload drawings and follow the review of their application.",
                "online application\ndocument upload\nstatus tracking", "en"));
    }

    @Test
    void coordinatorDraftsAndSubmits_reviewerDecidesAtTheProvince_coordinatorFulfilsTheCondition_inKorean() {
        roundTrip("ko", new PlanText("건축허가 온라인 신청",
                "주민이 건축허가를 온라인으로 신청하고 도면을 올리며 신청서의 검토 진행 상황을 확인하는 시스템입니다.",
                "온라인 신청\n서류 업로드\n진행 상황 조회", "ko"));
    }

    private void roundTrip(String lang, PlanText text) {
        String local = "http://localhost:" + port("city-a");
        // Another host name for the province: cookies are kept per host, not per port.
        String province = "http://127.0.0.1:" + port("prov-north");
        try (var browser = new Browser()) {
            // Sign in at the local government, in the language of the run.
            browser.open(local + "/plans");
            assertTrue(browser.url().contains("/sign-in"), "a page that needs a user leads to sign-in");
            if (lang.equals("ko")) {
                browser.clickThrough("a[hreflang='ko']");
            }
            assertEquals(lang, browser.lang());
            browser.screenshot("01-sign-in-" + lang);
            browser.type("#username", "coordinator");
            browser.type("#password", "coordinator-password");
            browser.clickThrough("#sign-in");
            assertTrue(browser.url().endsWith("/plans"), browser.url());

            // Draft: the title first, then the form with completeness and the advisory check beside it.
            browser.clickThrough("#new-plan");
            browser.type("#title", text.title());
            browser.clickThrough("#create-draft");
            assertTrue(browser.url().endsWith("/edit"), browser.url());
            String planUrl = browser.url().replace("/edit", "");
            String planId = planUrl.substring(planUrl.lastIndexOf('/') + 1);
            browser.type("#purpose", text.purpose());
            browser.type("#functions", text.functions());
            browser.type("#language", text.language());
            browser.waitUntil("the advisory check shows City B's system while the plan is typed",
                    () -> browser.text("#live-panel").contains("Building permit online service"));
            browser.type("#budget", "30000000");
            browser.type("#plannedStart", "2027-03-01");
            browser.type("#plannedEnd", "2027-12-31");
            browser.type("#platform", "Java web application on the municipal cloud");
            browser.waitUntil("the draft is saved as it is typed, and complete",
                    () -> federation.node("city-a").count("SELECT COUNT(*) FROM plan WHERE id = ? AND platform IS NOT NULL", planId) == 1
                            && browser.text("#completeness").startsWith("100"));
            browser.checked();
            browser.screenshot("03-plan-form-" + lang);

            // Check the answers, then submit.
            browser.clickThrough("#continue");
            assertTrue(browser.url().endsWith("/submit"), browser.url());
            browser.screenshot("04-check-answers-" + lang);
            browser.clickThrough("#confirm-submit");
            assertTrue(browser.text("#notice").length() > 0);
            String submitted = browser.text("#plan-status");

            // The reviewer at the province: the queue, the case with the evidence, the decision.
            FederationFixture.await("the case reaches the province", Duration.ofSeconds(30),
                    () -> federation.node("prov-north").count("SELECT COUNT(*) FROM review_case WHERE plan_id = ?", planId) == 1);
            browser.open(province + "/sign-in");
            if (lang.equals("ko")) {
                browser.clickThrough("a[hreflang='ko']");
            }
            browser.type("#username", "reviewer");
            browser.type("#password", "reviewer-password");
            browser.clickThrough("#sign-in");
            assertTrue(browser.url().endsWith("/cases"), browser.url());
            assertTrue(browser.text("#cases").contains(text.title()));
            browser.screenshot("05-review-queue-" + lang);
            browser.clickLink(text.title());
            waitForCaseOf(browser, text.title());
            assertTrue(browser.text("#evidence").length() > 0);
            assertTrue(browser.element("#outcome-CONDITIONAL_APPROVAL").isSelected(),
                    "the recommendation (adopt City B's system) is preselected");
            browser.screenshot("06-case-" + lang);
            browser.clickThrough("#record-decision");
            assertTrue(browser.text("#decision").length() > 0);

            // Back at the local: the decision with its condition, fulfilled with evidence.
            FederationFixture.await("the decision reaches City A", Duration.ofSeconds(30),
                    () -> "CONDITIONALLY_APPROVED".equals(federation.node("city-a")
                            .text("SELECT status FROM plan WHERE id = ?", planId)));
            browser.open(planUrl);
            assertTrue(!browser.text("#plan-status").equals(submitted), "the status changed with the decision");
            assertTrue(browser.text("#decision").contains("prov-north"));
            browser.screenshot("07-plan-decided-" + lang);
            browser.open(local + "/plans");
            assertTrue(browser.text("#plans").contains(lang.equals("ko") ? "미이행 1건" : "1 open"),
                    "the plan list shows the open condition and when it is due");
            browser.open(planUrl);
            browser.type("textarea[name='evidence']", lang.equals("ko")
                    ? "2027년 2월 검토 보고서: B시 시스템을 일부 수정하여 도입하기로 함."
                    : "Assessment report 2027-02: City B's system adopted with minor changes.");
            browser.clickThrough("form[action$='/fulfilment'] button");
            assertTrue(browser.text("#notice").length() > 0);
            FederationFixture.await("the province sees the condition fulfilled", Duration.ofSeconds(30),
                    () -> federation.node("prov-north").count(
                            "SELECT COUNT(*) FROM case_condition WHERE plan_id = ? AND status = 'FULFILLED'", planId) == 1);
            browser.screenshot("08-condition-fulfilled-" + lang);
            browser.open(local + "/plans");
            assertTrue(browser.text("#plans").contains(text.title()));
            browser.screenshot("02-plans-" + lang);

            // The catalogue finds the system across languages, and shows its entry.
            browser.open(local + "/catalogue?q=" + java.net.URLEncoder.encode(lang.equals("ko") ? "건축허가" : "building permit",
                    java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(browser.text("#results").contains("Building permit online service"));
            browser.screenshot("09-catalogue-" + lang);
            browser.clickLink("Building permit online service");
            browser.screenshot("10-entry-" + lang);

            System.out.printf("axe-core (%s): %d pages checked, %d rule passes, violations: %s%n", lang,
                    browser.pagesChecked, browser.rulesPassed, browser.violations);
            // The province's operator: signs the reviewer out, then sees users, federation status and audit trail.
            browser.open(province + "/cases");
            browser.clickThrough(".app-signout button");
            assertTrue(browser.url().contains("/sign-in"), browser.url());
            browser.type("#username", "operator");
            browser.type("#password", "operator-password");
            browser.clickThrough("#sign-in");
            assertTrue(browser.url().endsWith("/operator/users"), browser.url());
            assertTrue(browser.text("#users").contains("reviewer"));
            browser.screenshot("11-users-" + lang);
            browser.open(province + "/operator/federation");
            assertTrue(browser.text("#federation").contains("prov-north"));
            browser.screenshot("12-federation-" + lang);
            browser.open(province + "/audit");
            assertTrue(browser.text("#audit").contains("REVIEW_CASE"));
            browser.screenshot("13-audit-" + lang);

            VIOLATIONS.addAll(browser.violations);
            TIMINGS.putAll(browser.serverMillis);
            assertEquals(List.of(), browser.seriousOrCritical(), "serious or critical accessibility violations");
        }
    }

    /** The pages added for systems, operators, reports and refusals: axe-core must find nothing at all on them. */
    static final List<String> NEW_PAGES = List.of("/systems", "/operator/import", "/operator/review-policy",
            "/operator/keys", "/operator/federation", "/reports/", "/cases");

    @Test
    void aPlanAboveTheProvincialThreshold_isDecidedAtCentralInTheBrowser_andTheNewPagesPassAxe_inEnglish() throws Exception {
        centralAndNewPages("en");
    }

    @Test
    void aPlanAboveTheProvincialThreshold_isDecidedAtCentralInTheBrowser_andTheNewPagesPassAxe_inKorean() throws Exception {
        centralAndNewPages("ko");
    }

    private void centralAndNewPages(String lang) throws Exception {
        var cityA = federation.node("city-a");
        String local = "http://localhost:" + port("city-a");
        String central = "http://127.0.0.1:" + port("central");
        String title = lang.equals("ko") ? "도서관 좌석 예약 " : "Library seat booking ";
        var plan = PlanFixture.completePlan(title + "(" + lang + ")");
        plan.put("purpose", "Residents book seats in the public libraries online and see which seats are free.");
        plan.put("functions", List.of("seat booking", "availability map"));
        String planId = (String) cityA.postJson("COORDINATOR", "/api/v1/plans", plan).get("id");
        cityA.postJson("COORDINATOR", "/api/v1/plans/" + planId + "/submission", Map.of());
        FederationFixture.await("the plan above the provincial threshold reaches central", Duration.ofSeconds(30),
                () -> federation.node("central").count("SELECT COUNT(*) FROM review_case WHERE plan_id = ? AND status = 'OPEN'", planId) == 1);
        try (var browser = new Browser()) {
            // Central: the reviewer decides in the browser; the routing reason reads in the page's language.
            browser.signIn(central, lang.equals("ko") ? "?lang=ko" : "", "central-reviewer", "reviewer-password");
            browser.clickLink(title + "(" + lang + ")");
            String routing = browser.text("#routing-reason");
            assertTrue(routing.contains(lang.equals("ko") ? "prov-north에서 이송" : "Forwarded by prov-north")
                    && routing.contains("120,000,000"), routing);
            browser.screenshot("14-central-case-" + lang);
            browser.clickThrough("#record-decision");
            assertTrue(browser.text("#decision").length() > 0);
            FederationFixture.await("central's decision reaches City A", Duration.ofSeconds(30),
                    () -> cityA.count("SELECT COUNT(*) FROM plan_decision WHERE plan_id = ?", planId) == 1);
            browser.open(central + "/reports/turnaround");
            assertTrue(browser.text("#turnaround").contains(lang.equals("ko") ? "중앙부처" : "central ministry"), browser.text("#turnaround"));
            browser.waitUntil("the chart is drawn", () -> browser.element("#turnaround-chart canvas") != null);
            browser.screenshot("15-turnaround-" + lang);
            browser.open(central + "/reports/conditions");
            browser.screenshot("16-conditions-" + lang);
            browser.open(central + "/cases?status=ALL&owner=" + java.net.URLEncoder.encode("City A", java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(browser.text("#cases").contains(title.strip()));
            browser.clickThrough(".app-signout button");

            // City A's coordinator: existing systems, register (a wrong year first), retire; then a page of another role.
            // Cookies, the language's among them, are kept per host: choose the language at City A too.
            browser.open(local + "/sign-in" + (lang.equals("ko") ? "?lang=ko" : ""));
            assertEquals(lang, browser.lang());
            browser.type("#username", "coordinator");
            browser.type("#password", "coordinator-password");
            browser.clickThrough("#sign-in");
            browser.open(local + "/systems/new");
            String name = lang.equals("ko") ? "체육관 예약 시스템" : "Sports hall booking";
            browser.type("#name", name);
            browser.type("#functions", "booking\npayment");
            browser.type("#goLiveYear", "last year");
            browser.clickThrough("#save-system");
            assertTrue(browser.text(".govuk-error-summary").length() > 0, "the error summary names the year");
            browser.screenshot("17-system-form-error-" + lang);
            browser.type("#goLiveYear", "2019");
            browser.clickThrough("#save-system");
            assertTrue(browser.text("#systems").contains(name));
            browser.screenshot("18-systems-" + lang);
            browser.clickThrough("#systems a[href$='/retire']");
            browser.type("#reason", lang.equals("ko") ? "광역 공동 시스템으로 대체" : "Replaced by the province's shared system");
            browser.screenshot("19-retire-" + lang);
            browser.clickThrough("#confirm-retire");
            assertTrue(browser.text("#notice").length() > 0);
            browser.open(local + "/operator/users");
            assertTrue(browser.text("#forbidden").length() > 0, "a page, not JSON, for a role without access");
            browser.screenshot("20-forbidden-" + lang);
            browser.clickThrough(".app-signout button");

            // City A's operator: import with a refused row, the review policy, the keys, the federation status.
            browser.type("#username", "operator");
            browser.type("#password", "operator-password");
            browser.clickThrough("#sign-in");
            browser.open(local + "/operator/import");
            var csv = java.nio.file.Files.createTempFile("entries", ".csv");
            java.nio.file.Files.writeString(csv, "id,kind,owner,name,description\n"
                    + "imp-" + lang + "-1,EXISTING_SYSTEM,City A,Parking permits,Residents apply for parking permits online.\n"
                    + "imp-" + lang + "-2,SPACESHIP,City A,,Launches rockets.\n");
            browser.chooseFile("#file", csv);
            browser.clickThrough("#upload");
            assertTrue(browser.text("#refused").contains(lang.equals("ko") ? "3행" : "row 3"), browser.text("#refused"));
            assertTrue(browser.text("#refused").contains(lang.equals("ko") ? "name 값은 필수입니다" : "name is required"),
                    "the reason in the page's language: " + browser.text("#refused"));
            browser.screenshot("21-import-refused-" + lang);
            browser.open(local + "/operator/review-policy");
            browser.screenshot("22-review-policy-" + lang);
            browser.open(local + "/operator/keys");
            assertTrue(browser.text("#own-keys").contains("city-a"));
            browser.screenshot("23-keys-" + lang);
            browser.open(local + "/operator/federation");
            assertTrue(browser.text("#tls").length() > 0);
            browser.screenshot("24-federation-local-" + lang);

            VIOLATIONS.addAll(browser.violations);
            TIMINGS.putAll(browser.serverMillis);
            System.out.printf("axe-core on the new pages (%s): %d pages checked, violations: %s%n", lang,
                    browser.pagesChecked, browser.violationsOn(NEW_PAGES));
            assertEquals(List.of(), browser.violationsOn(NEW_PAGES), "axe-core violations of any impact on the new pages");
            assertEquals(List.of(), browser.seriousOrCritical(), "serious or critical accessibility violations");
        }
    }

    @Test
    void aCoordinatorDraftsAndSubmitsAPlan_withTheKeyboardAlone() {
        String local = "http://localhost:" + port("city-a");
        try (var browser = new Browser()) {
            browser.open(local + "/sign-in");
            browser.tabTo("#username");
            browser.typeHere("coordinator");
            browser.tabTo("#password");
            browser.typeHere("coordinator-password");
            browser.pressThrough(Keys.ENTER);
            assertTrue(browser.url().endsWith("/plans"), browser.url());
            browser.tabTo("#new-plan");
            browser.pressThrough(Keys.ENTER);
            browser.tabTo("#title");
            browser.typeHere("Keyboard-only plan for street lighting");
            browser.pressThrough(Keys.ENTER);
            assertTrue(browser.url().endsWith("/edit"), browser.url());
            String planId = browser.url().replaceAll(".*/plans/([^/]+)/edit", "$1");
            for (var field : List.of(
                    List.of("#purpose", "Residents report broken street lights and follow the repair of each one online."),
                    List.of("#functions", "fault report"), List.of("#budget", "20000000"),
                    List.of("#plannedStart", "2027-03-01"), List.of("#plannedEnd", "2027-09-30"),
                    List.of("#platform", "Web application"), List.of("#language", "en"))) {
                browser.tabTo(field.get(0));
                browser.typeHere(field.get(1));
            }
            browser.waitUntil("the keyboard-typed draft is saved and complete",
                    () -> federation.node("city-a").count("SELECT COUNT(*) FROM plan WHERE id = ? AND language = 'en'", planId) == 1
                            && browser.text("#completeness").startsWith("100"));
            browser.tabTo("#continue");
            browser.pressThrough(Keys.SPACE);
            assertTrue(browser.url().endsWith("/submit"), browser.url());
            browser.tabTo("#confirm-submit");
            browser.pressThrough(Keys.SPACE);
            assertTrue(browser.text("#notice").length() > 0, "submitted with the keyboard alone");
            assertEquals(List.of(), browser.seriousOrCritical());
        }
    }

    /** The lifecycle and statistics pages: axe-core must find nothing at all on them. */
    static final List<String> LIFECYCLE_PAGES = List.of("/plans/", "/statistics");

    @Test
    void lifecyclePages_aCoordinatorStartsAPlanRecordsADeliverableAndCancels_andCentralReadsTheStatistics_inEnglish() {
        lifecycleAndStatistics("en");
    }

    @Test
    void lifecyclePages_aCoordinatorStartsAPlanRecordsADeliverableAndCancels_andCentralReadsTheStatistics_inKorean() {
        lifecycleAndStatistics("ko");
    }

    private void lifecycleAndStatistics(String lang) {
        var cityA = federation.node("city-a");
        String local = "http://localhost:" + port("city-a");
        String central = "http://127.0.0.1:" + port("central");
        var plan = PlanFixture.completePlan(lang.equals("ko") ? "공원 시설 예약 (ko)" : "Park facility booking (en)");
        plan.put("purpose", "Residents book park facilities online and see which ones are free.");
        plan.put("functions", List.of("facility booking", "availability calendar"));
        plan.put("budget", 20_000_000);
        String planId = ReviewProcedureTest.submit(cityA, plan);
        var reviewCase = ReviewProcedureTest.caseOf(federation.node("prov-north"), planId);
        federation.node("prov-north").postJson("REVIEWER", "/api/v1/review-cases/" + reviewCase.get("id") + "/decision",
                PlanFixture.decision("UNCONDITIONAL_APPROVAL", "No overlap in the province."));
        ReviewProcedureTest.awaitStatus(cityA, planId, "APPROVED");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        try (var browser = new Browser()) {
            browser.signIn(local, lang.equals("ko") ? "?lang=ko" : "", "coordinator", "coordinator-password");
            browser.open(local + "/plans/" + planId);
            assertEquals(lang, browser.lang());
            browser.clickThrough("#lifecycle-actions a[href$='/kickoff']");
            browser.type("#kickoffOn", "next week");
            browser.clickThrough("#kickoff-button");
            assertTrue(browser.text(".govuk-error-summary").length() > 0, "the error summary names the date");
            browser.screenshot("25-kickoff-error-" + lang);
            browser.type("#kickoffOn", today);
            browser.clickThrough("#kickoff-button");
            assertTrue(browser.text("#notice").length() > 0);
            assertTrue(browser.text("#lifecycle-flags").length() > 0);
            browser.screenshot("26-plan-lifecycle-" + lang);
            browser.clickThrough("#lifecycle-actions a[href$='/deliverables']");
            browser.type("#deliverableTitle", lang.equals("ko") ? "공원 시설 예약 제안요청서" : "Request for proposal, park facility booking");
            browser.type("#deliveredOn", today);
            browser.type("#sizeBytes", "482113");
            browser.type("#checksum", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
            browser.type("#link", "https://docs.example.org/park-rfp.pdf");
            browser.clickThrough("#deliverable-button");
            assertTrue(browser.text("#deliverables").contains("482"), browser.text("#deliverables"));
            browser.screenshot("27-deliverables-" + lang);
            browser.open(local + "/plans/" + planId + "/lifecycle/cancellation");
            browser.type("#cancelReason", lang.equals("ko") ? "도의 공동 예약 시스템을 도입하기로 함" : "The province's shared booking system is adopted instead.");
            browser.clickThrough("#cancel-continue");
            browser.screenshot("28-cancel-confirm-" + lang);
            browser.clickThrough("#confirm-cancel");
            assertTrue(browser.text("#lifecycle-stage").length() > 0 && browser.text("#notice").length() > 0);
            assertEquals(1, cityA.count("SELECT COUNT(*) FROM plan_record WHERE plan_id = ? AND stage = 'CANCELLED'", planId));
            browser.clickThrough(".app-signout button");

            // Central's reviewer: the statistics of the whole federation, then of one province.
            FederationFixture.await("the cancellation reaches central", Duration.ofSeconds(30), () -> federation.node("central")
                    .count("SELECT COUNT(*) FROM plan_record WHERE plan_id = ? AND stage = 'CANCELLED'", planId) == 1);
            browser.signIn(central, lang.equals("ko") ? "?lang=ko" : "", "central-reviewer", "reviewer-password");
            browser.clickThrough(".govuk-service-navigation a[href='/statistics']");
            assertTrue(browser.text("#statistics").length() > 0 && browser.text("#league-table").contains("City A"),
                    browser.text("#league-table"));
            browser.waitUntil("the outcomes chart is drawn", () -> ((Number) browser.script(
                    "const c = document.querySelector('#statistics-chart canvas');"
                            + " return c ? c.getBoundingClientRect().width * c.getBoundingClientRect().height : 0;")).doubleValue() > 0);
            assertTrue(browser.text("#statistics-chart").contains(lang.equals("ko") ? "조건부 적정" : "Conditionally approved"),
                    "the chart's legend in the page's language: " + browser.text("#statistics-chart"));
            assertEquals(Boolean.TRUE, browser.script("const t = document.querySelector('#statistics');"
                    + " return t.getBoundingClientRect().width <= t.parentElement.clientWidth;"), "the year table fits at 1280 px");
            browser.screenshot("29-statistics-" + lang);
            browser.open(central + "/statistics?subtree=prov-north");
            assertTrue(browser.text("#statistics-scope").contains("prov-north"));

            VIOLATIONS.addAll(browser.violations);
            TIMINGS.putAll(browser.serverMillis);
            System.out.printf("axe-core on the lifecycle and statistics pages (%s): %d pages checked, violations: %s%n", lang,
                    browser.pagesChecked, browser.violationsOn(LIFECYCLE_PAGES));
            assertEquals(List.of(), browser.violationsOn(LIFECYCLE_PAGES), "axe-core violations of any impact on the new pages");
            assertEquals(List.of(), browser.seriousOrCritical(), "serious or critical accessibility violations");
        }
    }

    /** The adoption pages: axe-core must find nothing at all on them, nor on the entry page with its request form. */
    static final List<String> ADOPTION_PAGES = List.of("/adoptions", "/catalogue/entry");

    @Test
    void adoptionPages_cityAAsksForCityBsSystemWithTheKeyboard_cityBAccepts_andNoticesFollow_inEnglish() {
        adoption("en");
    }

    @Test
    void adoptionPages_cityAAsksForCityBsSystemWithTheKeyboard_cityBAccepts_andNoticesFollow_inKorean() {
        adoption("ko");
    }

    private void adoption(String lang) {
        var cityA = federation.node("city-a");
        var cityB = federation.node("city-b");
        boolean ko = lang.equals("ko");
        String name = ko ? "소음 민원 지도" : "Noise complaint map";
        String theirs = "city-b:system:" + cityB.postJson("COORDINATOR", "/api/v1/systems", PlanFixture.system(name,
                "Residents report noise on a map and follow the handling of their complaint.")).get("id");
        // City A's customized copy; named to sort after the systems other walks retire from the list.
        String copyName = ko ? "하수도 소음 지도 (수정본)" : "Zone noise map (customized)";
        String copyId = (String) cityA.postJson("COORDINATOR", "/api/v1/systems", PlanFixture.system(copyName,
                "The noise map with the city's own districts.")).get("id");
        FederationFixture.await("City B's system reaches City A's catalogue", Duration.ofSeconds(30),
                () -> cityA.count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ?", theirs) == 1);
        String local = "http://localhost:" + port("city-a");
        String owner = "http://127.0.0.1:" + port("city-b");
        String query = ko ? "?lang=ko" : "";
        try (var browser = new Browser()) {
            // City A's coordinator asks for the system from its catalogue entry, with the keyboard alone.
            browser.signIn(local, query, "coordinator", "coordinator-password");
            browser.open(local + "/catalogue/entry?id=" + theirs);
            assertEquals(lang, browser.lang());
            browser.tabTo("#copyChoice");
            browser.typeHere(copyName.substring(0, 4));
            browser.tabTo("#motivation");
            browser.typeHere(ko ? "우리 시도 같은 서비스가 필요하여 구역만 바꾸어 쓰려고 합니다." : "We need the same service; we would change the districts only.");
            browser.screenshot("30-adoption-request-" + lang);
            browser.tabTo("#request-adoption");
            browser.pressThrough(Keys.ENTER);
            assertTrue(browser.text("#notice").length() > 0 && browser.url().contains("/adoptions/"), browser.url());
            String adoption = browser.url().replaceAll(".*/adoptions/([^?]+).*", "$1");
            assertEquals(1, cityA.count("SELECT COUNT(*) FROM adoption WHERE id = ? AND copy_entry_id = ?", adoption,
                    "city-a:system:" + copyId), "the copy chosen with the keyboard");
            browser.clickThrough(".govuk-service-navigation a[href='/adoptions']");
            assertTrue(browser.text("#outgoing").contains(name));
            browser.screenshot("31-adoptions-" + lang);

            // City B's operator: the incoming request, a decline without a reason refused, then accepted by keyboard.
            FederationFixture.await("the request reaches City B", Duration.ofSeconds(30),
                    () -> cityB.count("SELECT COUNT(*) FROM adoption WHERE id = ?", adoption) == 1);
            browser.signIn(owner, query, "operator", "operator-password");
            browser.open(owner + "/adoptions");
            assertTrue(browser.text("#incoming").contains("City A"));
            browser.clickLink(name);
            browser.clickThrough("#decline-button");
            assertTrue(browser.text(".govuk-error-summary").length() > 0, "a decline needs its reason");
            browser.screenshot("32-adoption-answer-" + lang);
            browser.tabTo("#acceptReason");
            browser.typeHere(ko ? "환영합니다. 수정본을 바꾸면 알려 주십시오." : "Welcome; tell us when you change your copy.");
            browser.tabTo("#accept-button");
            browser.pressThrough(Keys.SPACE);
            assertTrue(browser.text("#notice").length() > 0);
            assertEquals(1, cityB.count("SELECT COUNT(*) FROM adoption WHERE id = ? AND state = 'ACCEPTED'", adoption));

            // Back at City A: a written notice, and one sent by itself when the copy is retired.
            FederationFixture.await("the acceptance reaches City A", Duration.ofSeconds(30),
                    () -> cityA.count("SELECT COUNT(*) FROM adoption WHERE id = ? AND state = 'ACCEPTED'", adoption) == 1);
            browser.open(local + "/adoptions/" + adoption);
            browser.tabTo("#noticeText");
            browser.typeHere(ko ? "구역 경계를 2027년 행정구역에 맞추었습니다." : "We moved the district borders to the 2027 map.");
            browser.tabTo("#notice-button");
            browser.pressThrough(Keys.ENTER);
            cityA.postJson("COORDINATOR", "/api/v1/systems/" + copyId + "/retirement", Map.of("retiredOn",
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "reason", "Merged into the original."));
            browser.open(local + "/adoptions/" + adoption);
            assertTrue(browser.text("#notices").contains(ko ? "자동" : "Automatic"), browser.text("#notices"));
            browser.screenshot("33-adoption-notices-" + lang);

            VIOLATIONS.addAll(browser.violations);
            TIMINGS.putAll(browser.serverMillis);
            System.out.printf("axe-core on the adoption pages (%s): %d pages checked, violations: %s%n", lang,
                    browser.pagesChecked, browser.violationsOn(ADOPTION_PAGES));
            assertEquals(List.of(), browser.violationsOn(ADOPTION_PAGES), "axe-core violations of any impact on the adoption pages");
            assertEquals(List.of(), browser.seriousOrCritical(), "serious or critical accessibility violations");
        }
    }

    static final List<String> PRACTICE_PAGES = List.of("/catalogue/best-practice", "/catalogue/entry");

    @Test
    void bestPractice_aProvincesReviewerMarksASystemWithTheKeyboard_andACityReadsTheMark_inEnglish() {
        bestPractice("en");
    }

    @Test
    void bestPractice_aProvincesReviewerMarksASystemWithTheKeyboard_andACityReadsTheMark_inKorean() {
        bestPractice("ko");
    }

    private void bestPractice(String lang) {
        boolean ko = lang.equals("ko");
        var cityA = federation.node("city-a");
        String entry = "city-b:system:" + federation.node("city-b").postJson("COORDINATOR", "/api/v1/systems",
                PlanFixture.system(ko ? "공원 시설 예약" : "Park pavilion booking",
                        "Residents book park pavilions and sports fields online and pay the fee.")).get("id");
        FederationFixture.await("the system reaches North Province", Duration.ofSeconds(30),
                () -> federation.node("prov-north").count("SELECT COUNT(*) FROM catalogue_entry WHERE id = ?", entry) == 1);
        String province = "http://127.0.0.1:" + port("prov-north");
        String local = "http://localhost:" + port("city-a");
        String query = ko ? "?lang=ko" : "";
        String reason = ko ? "도내 세 개 시가 수정 없이 도입함." : "Adopted by three cities of the province without changes.";
        try (var browser = new Browser()) {
            browser.signIn(province, query, "reviewer", "reviewer-password");
            browser.open(province + "/catalogue/entry?id=" + entry);
            browser.clickThrough("#practice-link");
            browser.clickThrough("#practice-mark");
            assertTrue(browser.text(".govuk-error-summary").length() > 0, "a mark needs its reason");
            browser.screenshot("34-best-practice-error-" + lang);
            browser.tabTo("#practiceReason");
            browser.typeHere(reason);
            browser.tabTo("#practice-mark");
            browser.pressThrough(Keys.ENTER);
            assertTrue(browser.text("#notice").length() > 0 && browser.text("#best-practice").length() > 0, browser.url());

            // The mark travels down: City A's coordinator reads it on the same entry.
            FederationFixture.await("the mark reaches City A", Duration.ofSeconds(30), () -> cityA.count(
                    "SELECT COUNT(*) FROM best_practice_mark WHERE entry_id = ? AND withdrawn = FALSE", entry) == 1);
            browser.signIn(local, query, "coordinator", "coordinator-password");
            browser.open(local + "/catalogue/entry?id=" + entry);
            assertEquals(lang, browser.lang());
            assertTrue(browser.text(".app-practice-mark").contains(reason), browser.text(".app-practice-mark"));
            browser.screenshot("35-best-practice-at-a-city-" + lang);

            VIOLATIONS.addAll(browser.violations);
            TIMINGS.putAll(browser.serverMillis);
            assertEquals(List.of(), browser.violationsOn(PRACTICE_PAGES), "axe-core violations of any impact on the best-practice pages");
            assertEquals(List.of(), browser.seriousOrCritical(), "serious or critical accessibility violations");
        }
    }

    private static void waitForCaseOf(Browser browser, String title) {
        browser.waitUntil("the case page of " + title, () -> browser.text("h1").contains(title));
    }

    private static int port(String node) {
        return federation.node(node).context().getBean(EmbeddedServer.class).getPort();
    }
}
