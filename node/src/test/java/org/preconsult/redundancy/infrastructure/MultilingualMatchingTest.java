package org.preconsult.redundancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.redundancy.RedundancyFixture.entry;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.redundancy.RedundancyFixture;
import org.preconsult.redundancy.application.RedundancyProperties;
import org.preconsult.redundancy.model.Match;
import org.preconsult.redundancy.model.PlanDraft;

class MultilingualMatchingTest {

    private static PlanDraft plan(String language, String title, String description) {
        return new PlanDraft(title, description, List.of(), null, language, "Applicant", null, null);
    }

    @Test
    void frenchPlan_meetsItsEnglishCounterpart() {
        try (var f = new RedundancyFixture().withDistractors()) {
            f.with(entry("permits-en", EntryKind.EXISTING_SYSTEM, "City of Brampton", "Building permit management system",
                    "Digital platform for the electronic management of building permit applications, "
                            + "municipal inspections and the tracking of construction files.", "en", List.of(), null));
            Match top = f.checking.check(plan("fr", "Système de gestion des permis de construire",
                    "Plateforme numérique pour la gestion électronique des demandes de permis de construire, "
                            + "des inspections municipales et le suivi des dossiers de construction."), 5).matches().get(0);
            assertEquals("permits-en", top.entryId());
            assertEquals("fr→en", top.evidence().languagePair());
            var nameTerms = top.evidence().fields().get(0).terms();
            assertTrue(nameTerms.contains("management (gestion)"), "a translation names both words: " + nameTerms);
            assertTrue(nameTerms.contains("system"), "a cognate is shown once: " + nameTerms);
            assertTrue(top.score() > 0.3, "a translation should be a possible overlap at least: " + top.score());
        }
    }

    @Test
    void germanAndChinesePlans_meetTheirEnglishCounterpart_throughTheGlossary() {
        var waste = entry("waste-en", EntryKind.EXISTING_SYSTEM, "City of Leeds", "Waste collection management system",
                "Schedules household waste collection routes, keeps the register of containers and bills waste fees "
                        + "to residents.", "en", List.of(), null);
        var german = plan("de", "Abfallwirtschaft: Verwaltung der Müllabfuhr",
                "Planung der Touren der Müllabfuhr, Verzeichnis der Behälter und Abrechnung der Abfallgebühren an die Einwohner.");
        var chinese = plan("zh", "生活垃圾收运管理系统", "规划生活垃圾收集路线，管理垃圾桶登记，并向居民收取垃圾处理费。");
        try (var f = new RedundancyFixture().withDistractors()) {
            f.with(waste);
            for (var plan : List.of(german, chinese)) {
                Match top = f.checking.check(plan, 5).matches().get(0);
                assertEquals("waste-en", top.entryId(), plan.title());
                assertTrue(top.evidence().fields().stream().flatMap(field -> field.terms().stream())
                        .anyMatch(term -> term.startsWith("waste (")), "evidence names both words: " + top.evidence());
            }
        }
        try (var f = new RedundancyFixture(RedundancyProperties.defaults(), TextAnalysis.withoutGlossary()).withDistractors()) {
            f.with(waste);
            var matches = f.checking.check(chinese, 5).matches();
            assertTrue(matches.isEmpty() || !matches.get(0).entryId().equals("waste-en"),
                    "without the glossary nothing joins the two: " + matches);
        }
    }

    @Test
    void koreanText_isAnalyzedByNori_andMatchesAcrossParticles() {
        var analysis = new TextAnalysis();
        assertTrue(analysis.languageCounts("ko", "건축 허가 신청을 처리하는 시스템").containsKey("건축"));
        try (var f = new RedundancyFixture().withDistractors()) {
            f.with(entry("ko-permits", EntryKind.EXISTING_SYSTEM, "서울특별시", "건축 인허가 관리 시스템",
                            "지방자치단체의 건축 허가 신청과 현장 검사를 전자적으로 처리하는 시스템", "ko", List.of(), null),
                    entry("ko-library", EntryKind.EXISTING_SYSTEM, "부산광역시", "도서관 장서 관리 시스템",
                            "공공 도서관의 도서 대출과 장서를 관리하는 시스템", "ko", List.of(), null));
            var matches = f.checking.check(plan(null, "건축 허가 전자 관리 시스템 구축",
                    "건축 허가 신청과 검사를 온라인으로 처리하는 전자 시스템을 구축한다"), 5).matches();
            assertEquals("ko-permits", matches.get(0).entryId());
            assertEquals("ko→ko", matches.get(0).evidence().languagePair(), "language detected from Hangul");
        }
    }

    @Test
    void chineseText_isSegmentedBySmartCn_andTheDuplicateRanksFirst() {
        var analysis = new TextAnalysis();
        assertTrue(analysis.languageCounts("zh", "建筑许可证管理系统").containsKey("许可证"),
                analysis.languageCounts("zh", "建筑许可证管理系统").toString());
        try (var f = new RedundancyFixture().withDistractors()) {
            f.with(entry("zh-permits", EntryKind.EXISTING_SYSTEM, "上海市", "建筑许可证管理系统",
                            "地方政府建筑许可申请和现场检查的电子化处理系统", "zh", List.of(), null),
                    entry("zh-library", EntryKind.EXISTING_SYSTEM, "北京市", "图书馆藏书管理系统",
                            "公共图书馆图书借阅和藏书管理系统", "zh", List.of(), null));
            var matches = f.checking.check(plan("zh", "建设许可电子管理平台", "用于处理建筑许可申请和现场检查的电子平台"), 5).matches();
            assertEquals("zh-permits", matches.get(0).entryId());
            assertTrue(matches.get(0).score() > matches.get(1).score());
        }
    }

    @Test
    void keys_foldAccentsAndCutWords_soThatCognatesMeet() {
        var analysis = new TextAnalysis();
        var french = analysis.keys("Modernisation du système", "fr").counts().keySet();
        var english = analysis.keys("System modernization", "en").counts().keySet();
        assertEquals(english, french);
    }
}
