package org.preconsult.redundancy.infrastructure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Builds the language-neutral keys chain of {@link TextAnalysis}. Changing the elided articles,
 * the stop words or the chain changes the keys: raise {@code CatalogueIndex.LAYOUT} with it so
 * that nodes rebuild their index.
 */
final class KeysChain {

    private static final CharArraySet STOP_WORDS = foldedStopWords();
    /**
     * French and Italian articles and pronouns written before an apostrophe ("l'instruction",
     * "dell'edilizia"): taken off, so that the word behind meets its other occurrences.
     */
    private static final CharArraySet ELIDED_ARTICLES = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
            "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl",
            "un", "v", "quell", "quest", "nessun"), true));

    private KeysChain() {
    }

    /**
     * The keys chain (after {@link TextAnalysis#keys} replaced Korean and Chinese glossary terms by
     * their English heads): Unicode words, width-normalized, lower case, French and Italian elisions
     * off, accents folded, Han and Hangul bigrams, stop words and one-letter words out, then (with
     * a glossary) its terms and compound parts mapped to English keys, and (when {@code cut}) each
     * key cut to {@value TextAnalysis#KEY_LENGTH} characters.
     */
    static Analyzer analyzer(Glossary glossary, boolean cut) {
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
                    s = new TruncateTokenFilter(s, TextAnalysis.KEY_LENGTH);
                }
                return new TokenStreamComponents(source, s);
            }
        };
    }

    /** The stop words of every supported Latin language, folded as the chain folds words. */
    private static CharArraySet foldedStopWords() {
        Set<String> words = new LinkedHashSet<>();
        for (CharArraySet set : new CharArraySet[] {EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
                FrenchAnalyzer.getDefaultStopSet(), ItalianAnalyzer.getDefaultStopSet(),
                GermanAnalyzer.getDefaultStopSet(), DutchAnalyzer.getDefaultStopSet()}) {
            for (Object w : set) {
                words.add(TextAnalysis.fold(w instanceof char[] chars ? new String(chars) : String.valueOf(w)).toLowerCase(Locale.ROOT));
            }
        }
        words.remove("");
        return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
    }
}
