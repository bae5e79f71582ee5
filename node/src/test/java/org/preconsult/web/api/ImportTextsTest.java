package org.preconsult.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.importing.ImportTexts;
import org.preconsult.common.model.RuleText;
import org.preconsult.web.infrastructure.Messages;

/** The texts of an import's refusals reach the operator's page in its language; the API keeps the English. */
class ImportTextsTest {

    @Test
    void everyImportText_isReadBackAsItsKeyAndArguments_andHasATextInBothLanguagesWithTheSamePlaces() {
        var en = Messages.of(Locale.ENGLISH);
        var ko = Messages.of(Locale.KOREAN);
        for (var template : ImportTexts.TEXTS) {
            long places = template.english().chars().filter(c -> c == '{').count();
            Object[] args = IntStream.range(0, (int) places).mapToObj(i -> "arg" + i).toArray();
            var parsed = ImportTexts.parse(template.fill(args));
            assertEquals(new RuleText(template.key(), List.of(args).stream().map(String::valueOf).toList()),
                    parsed.orElseThrow(), template.english());
            assertTrue(en.has(template.key()) && ko.has(template.key()), "no text for " + template.key());
            for (var messages : List.of(en, ko)) {
                String text = messages.get(template.key(), args);
                for (int i = 0; i < places; i++) {
                    assertTrue(text.contains("arg" + i), messages.locale() + " " + template.key() + " lacks {" + i + "}: " + text);
                }
            }
        }
    }

    @Test
    void aRefusalOfOneEntry_isShownInKorean_withTheReasonInsideAndTheRowNamedInKorean() {
        String stored = "Entry 'a-1': the id 'a-1' is already used by row 2 of this import; each id may appear once per import.";
        var ui = RuleTextsTest.ui("ko");
        assertEquals("항목 ‘a-1’: ID ‘a-1’는 이번 가져오기의 2행에서 이미 썼습니다. 한 번의 가져오기에서 ID는 한 번만 쓸 수 있습니다.",
                ui.importText(stored));
        assertEquals("ko", ui.importLang(stored));
        assertEquals("3행", ui.importLabel("row 3"));
        assertEquals("entries[3]", ui.importLabel("entries[3]"), "a JSON path stays as written");
    }

    @Test
    void aReasonOfOneEntry_isReadInsideTheEntry_notTakenForAReasonWhoseSubjectIsTheEntry() {
        var ui = RuleTextsTest.ui("ko");
        assertEquals("항목 ‘ko-1’: name 값은 필수입니다.", ui.importText("Entry 'ko-1': name is required."));
    }

    @Test
    void aTextNoImportRuleWrote_staysAsItIs_inEnglish() {
        var ui = RuleTextsTest.ui("ko");
        assertEquals("Something else went wrong", ui.importText("Something else went wrong"));
        assertEquals("en", ui.importLang("Something else went wrong"));
    }
}
