package org.preconsult.redundancy.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The analysis chains of the catalogue index, shared by indexing and checking so that both see the
 * same terms.
 *
 * <ul>
 *   <li><b>Keys</b> (language-neutral): Unicode words, lower-cased, accents folded to ASCII, Han and
 *   Hangul as overlapping bigrams, stop words of all supported Latin languages removed, and every
 *   word cut to its first {@value #KEY_LENGTH} characters. The cut is a crude stemmer that works
 *   across languages: "modernisation"/"modernization", "système"/"systems", "numérique"/"numerical"
 *   meet on the same key, which per-language stemmers never do.</li>
 *   <li><b>Per-language text</b>: Lucene's analyzer of the entry's language (Nori for Korean,
 *   SmartCN for Chinese, Snowball-based ones for the Latin languages) for precise same-language
 *   matching.</li>
 *   <li><b>Entities</b>: acronyms, product names and codes ("CRM", "SharePoint", "M365", "T1"),
 *   taken from the original casing; they rarely get translated ({@link Entities}).</li>
 * </ul>
 *
 * <p>The keys chain itself is built by {@link KeysChain}; the glossary it applies is {@link Glossary}.
 */
public final class TextAnalysis {

    static final int KEY_LENGTH = 5;
    public static final String TITLE_KEYS = "title_keys";
    /** The neutral text field (name, description and functions through the key chain). */
    public static final String KEYS = "keys";
    static final String ENTITIES = "entities";
    static final String TEXT_PREFIX = "text_";

    /**
     * Languages whose words the glossary translates into English keys; also text too short to tell
     * its language, so that an undeclared French entry still meets a declared French plan.
     * Changing this or the analysis chains ({@link KeysChain}) changes the keys: raise
     * {@code CatalogueIndex.LAYOUT} with it so that nodes rebuild their index.
     */
    private static final Set<String> TRANSLATED = Set.of("fr", "de", "nl", "it", LanguageDetector.UNDETERMINED);
    /** The shipped glossary, read once: its keys come from the keys chain without a glossary. */
    private static final class Standard {
        static final Glossary GLOSSARY = Glossary.standard(TextAnalysis::uncutWords);
    }

    private static final class Uncut {
        static final Analyzer CHAIN = KeysChain.analyzer(Glossary.EMPTY, false);
    }

    /** The words of a text as the keys chain sees them before the glossary and the cut. */
    static List<String> uncutWords(String text) {
        return terms(Uncut.CHAIN, KEYS, text);
    }

    private final Glossary glossary;
    private final Analyzer keys;
    private final Analyzer translatingKeys;
    private final Map<String, Analyzer> byLanguage = Map.of(
            "en", new EnglishAnalyzer(),
            "fr", new FrenchAnalyzer(),
            "it", new ItalianAnalyzer(),
            "de", new GermanAnalyzer(),
            "nl", new DutchAnalyzer(),
            "ko", new KoreanAnalyzer(),
            "zh", new SmartChineseAnalyzer());
    private final Analyzer indexAnalyzer;

    public TextAnalysis() {
        this(Standard.GLOSSARY);
    }

    /** The chains without the glossary: what matching across languages gives without translation (for measuring it). */
    public static TextAnalysis withoutGlossary() {
        return new TextAnalysis(Glossary.EMPTY);
    }

    TextAnalysis(Glossary glossary) {
        this.glossary = glossary;
        this.keys = KeysChain.analyzer(Glossary.EMPTY, true);
        this.translatingKeys = glossary.isEmpty() ? keys : KeysChain.analyzer(glossary, true);
        Map<String, Analyzer> perField = new HashMap<>();
        byLanguage.forEach((lang, analyzer) -> perField.put(TEXT_PREFIX + lang, analyzer));
        // The key fields are fed pre-analyzed token streams ({@link #keyTokens}), made by {@link
        // #keys} with the entry's language; no analyzer of the writer ever sees their text.
        indexAnalyzer = new PerFieldAnalyzerWrapper(keys, perField);
    }

    /** Identifies the glossary the keys were made with: an index made with another is rebuilt. */
    String fingerprint() {
        return glossary.fingerprint();
    }

    /** Glossary terms left out of the mapping because they conflict (see {@link Glossary}). */
    List<String> glossaryConflicts() {
        return glossary.conflicts();
    }

    /** The analyzer the index writer uses: each field with its own chain. */
    public Analyzer indexAnalyzer() {
        return indexAnalyzer;
    }

    /** True when the language has its own analyzed field. */
    boolean hasLanguageField(String language) {
        return language != null && byLanguage.containsKey(language);
    }

    /** Key terms of a text with their counts, and the word that first produced each (to show people). */
    record Keys(Map<String, Integer> counts, Map<String, String> surfaces) {
        static final Keys EMPTY = new Keys(Map.of(), Map.of());
    }

    /** The whole text of a plan or entry, as analyzed: title or name, description, then each function. */
    static String fullText(String title, String description, List<String> functions) {
        return functions.isEmpty() ? title + "\n" + description
                : title + "\n" + description + "\n" + String.join("\n", functions);
    }

    /**
     * The key terms of a text in the given language (as resolved for its plan or entry), in order
     * of first appearance. Korean and Chinese glossary terms become English ones whatever the
     * language (their script is unmistakable); the Latin-script glossary applies only to French,
     * German, Dutch and Italian text, so that English words of the same spelling ("fiscal",
     * "acquisition", "bureau") keep their own keys and an English text's keys are those it would
     * have without any glossary.
     */
    Keys keys(String text, String language) {
        if (text == null || text.isBlank()) {
            return Keys.EMPTY;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> surfaces = new LinkedHashMap<>();
        CjkTerms.Rewritten rewritten = glossary.rewriteCjk(text);
        Analyzer chain = language == null || TRANSLATED.contains(language) ? translatingKeys : keys;
        forEachTerm(chain, KEYS, rewritten == null ? text : rewritten.text(), (term, start, end) -> {
            if (counts.merge(term, 1, Integer::sum) == 1) {
                surfaces.put(term, rewritten == null ? text.substring(start, end) : rewritten.original(text, start, end));
            }
        });
        return new Keys(counts, surfaces);
    }

    /** The given key counts as a token stream, each key repeated by its count ({@link KeyTokenStream}). */
    static TokenStream keyTokens(Map<String, Integer> counts) {
        return new KeyTokenStream(counts);
    }

    /** Terms of the text in the language's own field, with their counts. */
    Map<String, Integer> languageCounts(String language, String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Analyzer analyzer = byLanguage.get(language);
        if (analyzer != null) {
            forEachTerm(analyzer, TEXT_PREFIX + language, text, (term, start, end) -> counts.merge(term, 1, Integer::sum));
        }
        return counts;
    }

    /** Lower case, accents removed, anything but letters and digits dropped: for exact comparisons. */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** Owners compare equal when they differ only in case, accents, spacing and punctuation. */
    static String ownerKey(String owner) {
        return fold(owner);
    }

    private interface TermSink {
        void accept(String term, int start, int end);
    }

    private static void forEachTerm(Analyzer analyzer, String field, String text, TermSink sink) {
        if (text == null || text.isEmpty()) {
            return;
        }
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                sink.accept(term.toString(), offset.startOffset(), Math.min(offset.endOffset(), text.length()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        forEachTerm(analyzer, field, text, (term, start, end) -> terms.add(term));
        return terms;
    }
}
