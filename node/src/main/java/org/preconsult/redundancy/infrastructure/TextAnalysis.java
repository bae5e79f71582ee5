package org.preconsult.redundancy.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

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
 *   taken from the original casing; they rarely get translated.</li>
 * </ul>
 */
public final class TextAnalysis {

    static final int KEY_LENGTH = 5;
    public static final String TITLE_KEYS = "title_keys";
    /** The neutral text field (name, description and functions through the key chain). */
    public static final String KEYS = "keys";
    static final String ENTITIES = "entities";
    static final String TEXT_PREFIX = "text_";

    private static final CharArraySet STOP_WORDS = foldedStopWords();
    /**
     * Languages whose words the glossary translates into English keys; also text too short to tell
     * its language, so that an undeclared French entry still meets a declared French plan.
     * Changing this, the elided articles or the analysis chains changes the keys: raise
     * {@code CatalogueIndex.LAYOUT} with it so that nodes rebuild their index.
     */
    private static final Set<String> TRANSLATED = Set.of("fr", "de", "nl", "it", LanguageDetector.UNDETERMINED);
    /**
     * French and Italian articles and pronouns written before an apostrophe ("l'instruction",
     * "dell'edilizia"): taken off, so that the word behind meets its other occurrences.
     */
    private static final CharArraySet ELIDED_ARTICLES = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
            "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl",
            "un", "v", "quell", "quest", "nessun"), true));
    /** The shipped glossary, read once: its keys come from the keys chain without a glossary. */
    private static final class Standard {
        static final Glossary GLOSSARY = Glossary.standard(TextAnalysis::uncutWords);
    }

    private static final class Uncut {
        static final Analyzer CHAIN = keysAnalyzer(Glossary.EMPTY, false);
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
        this.keys = keysAnalyzer(Glossary.EMPTY, true);
        this.translatingKeys = glossary.isEmpty() ? keys : keysAnalyzer(glossary, true);
        Map<String, Analyzer> perField = new HashMap<>();
        byLanguage.forEach((lang, analyzer) -> perField.put(TEXT_PREFIX + lang, analyzer));
        // The key fields are fed pre-analyzed token streams ({@link #keyTokens}), made by {@link
        // #keys} with the entry's language; no analyzer of the writer ever sees their text.
        indexAnalyzer = new PerFieldAnalyzerWrapper(keys, perField);
    }

    /**
     * The keys chain (after {@link #keys} replaced Korean and Chinese glossary terms by their
     * English heads): Unicode words, width-normalized, lower case, French and Italian elisions
     * off, accents folded, Han and Hangul bigrams, stop words and one-letter words out, then (with
     * a glossary) its terms and compound parts mapped to English keys, and (when {@code cut}) each
     * key cut to {@value #KEY_LENGTH} characters.
     */
    private static Analyzer keysAnalyzer(Glossary glossary, boolean cut) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream s = new CJKWidthFilter(source);
                s = new LowerCaseFilter(s);
                s = new ElisionFilter(s, ELIDED_ARTICLES);
                s = new ASCIIFoldingFilter(s);
                s = new CJKBigramFilter(s);
                s = new StopFilter(s, STOP_WORDS);
                s = new LengthFilter(s, 2, 64);
                if (!glossary.isEmpty()) {
                    s = new GlossaryFilter(s, glossary);
                }
                if (cut) {
                    s = new TruncateTokenFilter(s, KEY_LENGTH);
                }
                return new TokenStreamComponents(source, s);
            }
        };
    }

    /** Replaces each word the glossary knows by its English keys (a compound by its parts' keys too). */
    private static final class GlossaryFilter extends TokenFilter {
        private final Glossary glossary;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
        private State state;

        GlossaryFilter(TokenStream input, Glossary glossary) {
            super(input);
            this.glossary = glossary;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!pending.isEmpty()) {
                restoreState(state);
                term.setEmpty().append(pending.poll());
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            List<String> mapped = glossary.keysOf(term.buffer(), term.length());
            if (mapped != null) {
                term.setEmpty().append(mapped.get(0));
                if (mapped.size() > 1) {
                    pending.addAll(mapped.subList(1, mapped.size()));
                    state = captureState();
                }
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            pending.clear();
            state = null;
        }
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
        Glossary.Rewritten rewritten = glossary.rewriteCjk(text);
        Analyzer chain = language == null || TRANSLATED.contains(language) ? translatingKeys : keys;
        forEachTerm(chain, KEYS, rewritten == null ? text : rewritten.text(), (term, start, end) -> {
            if (counts.merge(term, 1, Integer::sum) == 1) {
                surfaces.put(term, rewritten == null ? text.substring(start, end) : rewritten.original(text, start, end));
            }
        });
        return new Keys(counts, surfaces);
    }

    /**
     * The given key counts as a token stream, each key repeated by its count: feeds an index field
     * with keys analyzed once per entry. Frequencies and field length are those of the text; the
     * key fields keep no positions, so token order is irrelevant.
     */
    static TokenStream keyTokens(Map<String, Integer> counts) {
        return new KeyTokenStream(counts);
    }

    private static final class KeyTokenStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Map<String, Integer> counts;
        private java.util.Iterator<Map.Entry<String, Integer>> entries;
        private String current;
        private int remaining;

        KeyTokenStream(Map<String, Integer> counts) {
            this.counts = counts;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            entries = counts.entrySet().iterator();
            remaining = 0;
        }

        @Override
        public boolean incrementToken() {
            while (remaining == 0) {
                if (!entries.hasNext()) {
                    return false;
                }
                Map.Entry<String, Integer> e = entries.next();
                current = e.getKey();
                remaining = e.getValue();
            }
            clearAttributes();
            term.setEmpty().append(current);
            remaining--;
            return true;
        }
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

    /**
     * Acronyms, product names and codes in the text, lower-cased, mapped to their written form: words
     * with two or more capitals ("GCdocs", "CRM"), or letters mixed with digits ("M365"). Texts
     * written mostly in capitals yield none: there, capitals carry no signal.
     */
    Map<String, String> entities(String text) {
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
            found.putIfAbsent(fold(word), word);
        }
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

    private static CharArraySet foldedStopWords() {
        Set<String> words = new LinkedHashSet<>();
        for (CharArraySet set : new CharArraySet[] {EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
                FrenchAnalyzer.getDefaultStopSet(), ItalianAnalyzer.getDefaultStopSet(),
                GermanAnalyzer.getDefaultStopSet(), DutchAnalyzer.getDefaultStopSet()}) {
            for (Object w : set) {
                words.add(fold(w instanceof char[] chars ? new String(chars) : String.valueOf(w)).toLowerCase(Locale.ROOT));
            }
        }
        words.remove("");
        return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
    }
}
