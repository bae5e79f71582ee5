package org.preconsult.redundancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | The system will manage building permits for the residents of the city and track inspections.",
            "fr | Le système permet la gestion des permis de construire et le suivi des inspections dans la commune.",
            "it | Il sistema per la gestione delle pratiche edilizie con il controllo delle ispezioni nella città.",
            "de | Das System dient der Verwaltung der Baugenehmigungen und der Planung von Inspektionen für die Bürger.",
            "nl | Het systeem voor het beheer van bouwvergunningen en de planning van inspecties wordt vernieuwd.",
            "ko | 지방자치단체의 건축 허가 신청과 현장 검사를 전자적으로 처리하는 시스템",
            "zh | 地方政府建筑许可申请和现场检查的电子化处理系统",
            "ja | 建築許可の申請をオンラインで受け付けるシステムです",
    })
    void detectsTheLanguageOfATypicalDescription(String expected, String text) {
        assertEquals(expected, detector.detect(text));
    }

    @Test
    void koreanTextWithLatinAcronyms_isStillKorean() {
        assertEquals("ko", detector.detect("ERP 기반 SAP 재무 관리 시스템 고도화"));
    }

    @Test
    void tooLittleEvidence_isUndetermined() {
        assertEquals(LanguageDetector.UNDETERMINED, detector.detect("SAP S/4HANA"));
        assertEquals(LanguageDetector.UNDETERMINED, detector.detect(""));
    }

    @Test
    void declaredLanguage_winsWhenAnalyzed_elseTheTextDecides() {
        assertEquals("fr", detector.resolve("fr-CA", "The system"));
        assertEquals("en", detector.resolve("xx", "The system will manage the permits of the city."));
        assertEquals("en", detector.resolve(null, "The system will manage the permits of the city."));
    }
}
