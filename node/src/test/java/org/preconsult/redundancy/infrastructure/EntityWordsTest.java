package org.preconsult.redundancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The entity scan finds exactly the words of the rule it documents, written as a regular expression. */
class EntityWordsTest {

    private static final Pattern RULE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}/&.+-]*[\\p{L}\\p{N}+]|[\\p{L}\\p{N}]");
    /** Letters, digits, other numbers (Ⅻ, ½), connectors, spaces, CJK, and letters outside the BMP (𝐀, 𠀋). */
    private static final String[] PIECES = {"a", "B", "3", ".", "/", "&", "+", "-", " ", "Ⅻ", "½", "é", "中", "한",
        "𝐀", "𠀋", "x9", "Z", ",", "\uD800"};

    private static List<String> byRule(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    @Test
    void scan_findsTheSameWordsAsTheRule_onExamples() {
        for (String text : new String[] {"Microsoft M365 and C++ for R&D.", "T1-A/B.", "GCdocs, SAP-HANA--", "+x+",
            "𝐀𝐁1 then ½-Ⅻ.", ""}) {
            assertEquals(byRule(text), Entities.words(text), text);
        }
    }

    @Test
    void scan_findsTheSameWordsAsTheRule_onRandomTexts() {
        Random random = new Random(42);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertEquals(byRule(text.toString()), Entities.words(text.toString()), text.toString());
        }
    }
}
