package org.preconsult.redundancy.infrastructure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells the language of a text cheaply: by script for Korean (Hangul), Japanese (kana) and Chinese
 * (Han without kana or Hangul), and by counting frequent function words for the Latin-script
 * languages. Registrants state a language most of the time; this only fills the gap, so it
 * prefers "und" (undetermined) to a guess on too little evidence.
 */
public final class LanguageDetector {

    /** Languages with their own analyzed field; others are still matched through the neutral fields. */
    public static final Set<String> ANALYZED = Set.of("en", "fr", "it", "de", "nl", "ko", "zh");
    public static final String UNDETERMINED = "und";

    /**
     * Function words that are frequent in one language and rare in the others. Words shared by two
     * languages (de/nl "die", fr/it "le") are kept in both: the counts still separate them.
     */
    private static final Map<String, Set<String>> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("en", Set.of("the", "and", "of", "to", "with", "for", "is", "that", "this", "will", "from",
                "are", "be", "which", "by", "an", "on", "its", "their", "new", "all", "into", "system"));
        PROFILES.put("fr", Set.of("le", "la", "les", "des", "du", "et", "une", "pour", "avec", "est", "dans",
                "sur", "aux", "qui", "par", "au", "ces", "sont", "leur", "nous", "système", "gestion", "données"));
        PROFILES.put("it", Set.of("il", "gli", "della", "delle", "degli", "dei", "per", "con", "che", "una",
                "sono", "nel", "nella", "alla", "anche", "questo", "è", "del", "di", "sistema", "gestione", "dati"));
        PROFILES.put("de", Set.of("der", "die", "das", "und", "mit", "für", "ist", "von", "den", "dem", "zur",
                "zum", "eine", "einer", "wird", "werden", "auf", "sich", "nicht", "des", "verwaltung", "daten"));
        PROFILES.put("nl", Set.of("de", "het", "een", "en", "van", "voor", "met", "zijn", "wordt", "worden",
                "dat", "die", "op", "bij", "naar", "ook", "niet", "om", "te", "gegevens", "beheer"));
    }

    /** The declared language when this node analyzes it, else the detected one. */
    public String resolve(String declared, String text) {
        String normalized = normalize(declared);
        if (normalized != null && ANALYZED.contains(normalized)) {
            return normalized;
        }
        return detect(text);
    }

    /** "fr-CA" → "fr", "ZH_Hans" → "zh"; null when nothing was declared. */
    public static String normalize(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String primary = declared.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return primary.isEmpty() ? null : primary;
    }

    /** A language code, or {@link #UNDETERMINED} when the text gives too little evidence. */
    public String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        int hangul = 0;
        int han = 0;
        int kana = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            switch (Character.UnicodeScript.of(cp)) {
                case HANGUL -> hangul++;
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case LATIN -> latin++;
                default -> { }
            }
        }
        int asian = hangul + han + kana;
        // Asian text commonly embeds Latin acronyms and product names; a quarter of the letters in an
        // Asian script is enough to call it, because one Asian character carries about a word.
        if (asian > 0 && asian * 4 >= latin) {
            if (hangul >= han && hangul >= kana) {
                return "ko";
            }
            return kana > 0 ? "ja" : "zh";
        }
        return latin == 0 ? UNDETERMINED : detectLatin(text);
    }

    private static String detectLatin(String text) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            for (String w : word.split("'")) {
                PROFILES.forEach((lang, words) -> {
                    if (words.contains(w)) {
                        hits.merge(lang, 1, Integer::sum);
                    }
                });
            }
        }
        String best = UNDETERMINED;
        int bestHits = 0;
        int second = 0;
        for (var e : hits.entrySet()) {
            if (e.getValue() > bestHits) {
                second = bestHits;
                bestHits = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return bestHits >= 2 && bestHits > second ? best : UNDETERMINED;
    }
}
