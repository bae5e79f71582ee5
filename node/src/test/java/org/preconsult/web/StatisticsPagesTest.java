package org.preconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;

/**
 * The statistics page's chart: with no decision on record the page says so and loads no chart
 * script; with decisions it embeds the outcomes per year for the chart script, in the page's
 * language, beside the table that stays the source of the numbers.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsPagesTest implements TestPropertyProvider {

    private static final Pattern CHART_DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"statistics-chart-data\">(.*?)</script>", Pattern.DOTALL);

    @Inject
    EmbeddedServer server;
    @Inject
    NodeClient api;
    @Inject
    ManagingUsers users;
    @Inject
    JsonMapper json;
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties("CENTRAL");
    }

    @BeforeAll
    void createUsers() {
        http = PageClient.withoutRedirects(server.getURL());
        users.create("rev", "reviewer-password", "Ryu Reviewer", EnumSet.of(Role.REVIEWER));
    }

    private PageClient reviewer(String lang) {
        var client = new PageClient(http);
        client.acceptLanguage = lang;
        client.signIn("rev", "reviewer-password");
        return client;
    }

    @Test
    @Order(1)
    void withNoDecisionOnRecord_thePageSaysSo_andDrawsNoChart() {
        var page = reviewer("en").body("/statistics");
        assertTrue(page.contains("id=\"statistics-none\"") && page.contains("No decision is on record yet."), page);
        assertFalse(page.contains("data-chart"), "no chart without figures");
        assertFalse(page.contains("uPlot.iife.min.js") || page.contains("/assets/app/chart.js"), "no chart script to load");
    }

    @Test
    @Order(2)
    void withDecisions_thePageEmbedsTheOutcomesPerYearForTheChart_inThePagesLanguage() throws IOException {
        decided("Parking permits", "UNCONDITIONAL_APPROVAL");
        decided("Dog licences", "UNCONDITIONAL_APPROVAL");
        decided("Noise complaints", "RETURN");
        String year = String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear());

        var english = reviewer("en").body("/statistics");
        assertTrue(english.contains("<figure class=\"app-chart\" id=\"statistics-chart\" aria-hidden=\"true\""
                + " data-chart=\"statistics-chart-data\">"), "the chart is hidden from assistive technology: " + english);
        assertTrue(english.contains("<script src=\"/assets/app/chart.js\">") && english.contains("uPlot.iife.min.js"), english);
        var chart = chartOf(english);
        assertEquals("Outcomes of applications per year", chart.get("title"));
        assertEquals("Year", chart.get("x"));
        assertEquals("Applications", chart.get("y"));
        assertEquals(true, chart.get("stacked"));
        assertEquals(List.of(year), chart.get("labels"), "one bar per year, the total left out");
        var series = series(chart);
        assertEquals(List.of("Approved", "Conditionally approved", "Deferred", "Returned"),
                series.stream().map(s -> s.get("name")).toList());
        assertEquals(List.of(List.of(2), List.of(0), List.of(0), List.of(1)),
                series.stream().map(s -> s.get("values")).toList(), "the same figures as the table");
        assertTrue(series.stream().allMatch(s -> ((String) s.get("fill")).matches("#[0-9a-f]{6}")), "colours come with the data");
        // The table stays the source: a short visible header, the full one for screen readers.
        assertTrue(english.contains("<span aria-hidden=\"true\">Est. savings</span><span class=\"govuk-visually-hidden\">"
                + "Estimated savings</span>"), english);
        assertTrue(english.contains("<table class=\"govuk-table app-table--small\" id=\"statistics\">"),
                "the table is in the page for a browser without JavaScript: " + english);

        var korean = chartOf(reviewer("ko").body("/statistics"));
        assertEquals("연도별 신청 결과", korean.get("title"));
        assertEquals("신청 건수", korean.get("y"));
        assertEquals(List.of("적정", "조건부 적정", "보류", "반려"), series(korean).stream().map(s -> s.get("name")).toList());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> chartOf(String page) throws IOException {
        var m = CHART_DATA.matcher(page);
        assertTrue(m.find(), "the chart's figures are embedded: " + page);
        return json.readValue(m.group(1), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> series(Map<String, Object> chart) {
        return (List<Map<String, Object>>) chart.get("series");
    }

    /** Drafts, submits and decides a plan of this node through the API. */
    private void decided(String title, String outcome) {
        api.decidedPlan(title, "STAT", Map.of("outcome", outcome, "reasons", List.of("Decided in this test."),
                "overrideReason", "The reviewer's judgement in this test."));
    }
}
