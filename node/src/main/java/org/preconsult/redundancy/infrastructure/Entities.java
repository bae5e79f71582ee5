package org.preconsult.redundancy.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the entities of a text: acronyms, product names and codes ("CRM", "SharePoint", "M365",
 * "T1"), taken from the original casing; they rarely get translated.
 */
final class Entities {

    private Entities() {
    }

    /**
     * Acronyms, product names and codes in the text, lower-cased, mapped to their written form: words
     * with two or more capitals ("GCdocs", "CRM"), or letters mixed with digits ("M365"). Texts
     * written mostly in capitals yield none: there, capitals carry no signal.
     */
    static Map<String, String> of(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        if (text == null || text.isBlank() || mostlyUpperCase(text)) {
            return found;
        }
        for (String word : words(text)) {
            addIfEntity(word, found);
        }
        return found;
    }

    /**
     * The words an entity may be, in order: letters and numbers joined by {@code / & . + -}, ending
     * on a letter, a number or {@code +} ("M365", "R&D", "C++", "T1-A"); the same as the matches of
     * {@code [\p{L}\p{N}][\p{L}\p{N}/&.+-]*[\p{L}\p{N}+]|[\p{L}\p{N}]}, without a regular
     * expression.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isLetterOrNumber(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            int end = i;
            while (i < text.length()) {
                cp = text.codePointAt(i);
                if (isLetterOrNumber(cp) || cp == '+') {
                    i += Character.charCount(cp);
                    end = i;
                } else if (cp == '/' || cp == '&' || cp == '.' || cp == '-') {
                    i++;
                } else {
                    break;
                }
            }
            i = end;
            words.add(text.substring(start, end));
        }
        return words;
    }

    private static boolean isLetterOrNumber(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static void addIfEntity(String word, Map<String, String> found) {
        int upper = 0;
        int letters = 0;
        int digits = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            }
            if (Character.isLetter(c)) {
                letters++;
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        boolean acronymOrName = upper >= 2 && letters >= 2;
        boolean code = letters >= 1 && digits >= 1;
        if (acronymOrName || code) {
            found.putIfAbsent(TextAnalysis.fold(word), word);
        }
    }

    private static boolean mostlyUpperCase(String text) {
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters > 20 && upper * 2 > letters;
    }
}
