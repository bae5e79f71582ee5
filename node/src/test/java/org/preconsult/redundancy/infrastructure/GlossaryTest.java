package org.preconsult.redundancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlossaryTest {

    private static final String SMALL = String.join("\n",
            "# en\tfr\tde\tnl\tit\tko\tzh",
            "management\tgestion|gérer\tverwaltung\tbeheer\tgestione\t관리\t管理",
            "building\t\tbau\tbouw\tedilizia\t건축\t建筑",
            "permit\tpermis\tgenehmigung\tvergunning\tpermesso\t허가\t许可",
            "building permit\t\tbaugenehmigung\tbouwvergunning\t\t건축허가\t建筑许可",
            "system\tsystème\tsystem\tsysteem\tsistema\t시스템\t系统",
            "data\tdonnées\tdaten\tgegevens\tdati\t데이터\t数据",
            "application form\tdemande\tantrag\taanvraag\tdomanda\t신청\t申请",
            "") + "\n";

    private static TextAnalysis analysis(String glossary) throws Exception {
        return new TextAnalysis(Glossary.parse(new StringReader(glossary), TextAnalysis::uncutWords));
    }

    private static Set<String> keys(TextAnalysis analysis, String text, String language) {
        return analysis.keys(text, language).counts().keySet();
    }

    @Test
    void aBuildingPermitSystem_hasTheSameKeysInSevenLanguages() throws Exception {
        var analysis = analysis(SMALL);
        Set<String> english = keys(analysis, "Building permit management system", "en");
        assertEquals(Set.of("build", "permi", "manag", "syste"), english);
        assertEquals(Set.of("syste", "manag", "permi"), keys(analysis, "Système de gestion des permis", "fr"));
        assertTrue(keys(analysis, "Verwaltungssystem für Baugenehmigungen", "de").containsAll(english), "German compounds split");
        assertTrue(keys(analysis, "Beheersysteem voor bouwvergunningen", "nl").containsAll(english), "Dutch compounds split");
        assertTrue(keys(analysis, "Sistema di gestione dei permessi edilizia", "it").containsAll(english));
        assertTrue(keys(analysis, "건축허가 관리 시스템을 구축한다", "ko").containsAll(english), "Korean, particles attached");
        assertTrue(keys(analysis, "建筑许可管理系统", "zh").containsAll(english), "Chinese, without spaces");
    }

    @Test
    void englishText_isLeftAsItWas_evenWhereItsWordsAreForeignTerms() throws Exception {
        var plain = TextAnalysis.withoutGlossary();
        var withGlossary = analysis(SMALL + "tax\tfiscal|impôt\t\t\t\t\t\n");
        String text = "The data management platform replaces the fiscal permit system of the building department.";
        assertEquals(plain.keys(text, "en").counts(), withGlossary.keys(text, "en").counts());
        assertTrue(keys(withGlossary, "Le système fiscal", "fr").contains("tax"), "the same word in French is translated");
    }

    @Test
    void aWordTheGlossaryDoesNotKnow_keepsItsOwnKey_besideTheKeysOfItsParts() throws Exception {
        var analysis = analysis(SMALL);
        Set<String> keys = keys(analysis, "Bauantragsverwaltung", "de");
        assertEquals(Set.of("bauan", "appli", "form", "manag"), keys, "the compound's own key stays for German-German matching");
        assertEquals(Set.of("okosy"), keys(analysis, "Ökosystem", "de"), "no foreign part: not split on 'system'");
    }

    @Test
    void evidenceWords_areTheWordsAsWritten() throws Exception {
        var analysis = analysis(SMALL);
        var korean = analysis.keys("건축허가 관리", "ko");
        assertEquals("건축허가", korean.surfaces().get("permi"));
        assertEquals("관리", korean.surfaces().get("manag"));
        assertEquals("gestion", analysis.keys("La gestion", "fr").surfaces().get("manag"));
    }

    @Test
    void aTermWhoseKeyMeansSomethingElse_matchesOnlyAsTheWholeWord() throws Exception {
        String glossary = SMALL
                + "post office\tposte\t\t\t\t\t\n"        // key "poste" is also the key of the head "poster"
                + "poster\t\t\t\t\t\t\n"
                + "network\t=réseau|=réseaux\t\t\t\t\t\n"; // marked: "resea" starts "research"
        var analysis = analysis(glossary);
        assertEquals(List.of(), analysis.glossaryConflicts());
        assertEquals(Set.of("post", "offic"), keys(analysis, "poste", "fr"));
        assertEquals(Set.of("poste"), keys(analysis, "poster", "fr"), "the English word keeps its meaning");
        assertEquals(Set.of("netwo"), keys(analysis, "Réseaux", "fr"));
        assertEquals(Set.of("resea"), keys(analysis, "research", "fr"));
    }

    @Test
    void aWordClaimedByTwoConcepts_isLeftOutAndReported() throws Exception {
        var analysis = analysis(SMALL
                + "tax\timpôt\tsteuer\tbelasting\timposta\t세금\t税务\n"
                + "load\t\t\tbelasting\t\t세금\t\n");
        List<String> conflicts = analysis.glossaryConflicts();
        assertTrue(conflicts.stream().anyMatch(c -> c.contains("'belasting'")), conflicts.toString());
        assertEquals(Set.of("belas"), keys(analysis, "belasting", "nl"));
        assertTrue(conflicts.stream().anyMatch(c -> c.contains("'세금'")), conflicts.toString());
        assertFalse(keys(analysis, "세금", "ko").contains("tax"), "a Korean term claimed twice maps to neither");
        assertEquals(Set.of("tax"), keys(analysis, "impôt", "fr"));
    }

    @Test
    void frenchAndItalianElisions_areTakenOff() {
        var analysis = TextAnalysis.withoutGlossary();
        assertEquals(Set.of("instr", "urban"), keys(analysis, "l'instruction d’urbanisme", "fr"));
        assertEquals(Set.of("edili"), keys(analysis, "dell'edilizia", "it"));
    }

    @Test
    void textTooShortToTellItsLanguage_isTranslatedToo_soThatItStillMeetsTheSameLanguage() throws Exception {
        var analysis = analysis(SMALL);
        Set<String> declared = keys(analysis, "Système de gestion des permis", "fr");
        assertEquals(declared, keys(analysis, "Système de gestion des permis", LanguageDetector.UNDETERMINED));
        assertEquals(declared, keys(analysis, "Système de gestion des permis", null));
    }

    @Test
    void aShortWordAtTheEndOfACompound_isNoPart() throws Exception {
        var analysis = analysis(SMALL + "railway\t\tbahn\t\t\t\t\n" + "payroll\t\tlohn\t\t\t\t\n");
        assertEquals(Set.of("laufb"), keys(analysis, "Laufbahn", "de"), "a career, not a railway");
        assertEquals(Set.of("beloh"), keys(analysis, "Belohnungssystem", "de"), "a reward system, not payroll");
    }

    @Test
    void oddText_givesKeysWithoutFailing() throws Exception {
        var analysis = analysis(SMALL);
        for (String text : List.of("\uD800 lone surrogate \uDC00", "。、「」…", "𠀀𠀁 관리 \uD83D\uDE00", "관리".repeat(20_000))) {
            for (String language : new String[] {"fr", "ko", "zh", "en", null}) {
                analysis.keys(text, language);
            }
        }
        assertEquals("관리", analysis.keys("。관리。", "ko").surfaces().get("manag"));
    }

    @Test
    void aByteOrderMark_isNoPartOfTheFirstLine() throws Exception {
        assertEquals(Set.of("manag"), keys(analysis("\uFEFF" + SMALL), "gestion", "fr"));
    }

    @Test
    void malformedLine_isRejectedWithItsNumber() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> analysis("management\tgestion\n"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void shippedGlossary_hasNoConflicts() {
        assertEquals(List.of(), new TextAnalysis().glossaryConflicts());
    }
}
