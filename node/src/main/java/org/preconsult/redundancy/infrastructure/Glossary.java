package org.preconsult.redundancy.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.CharArrayMap;

/**
 * Administrative and IT terms of French, German, Dutch, Italian, Korean and Chinese mapped to the
 * keys of their English equivalents, so that "gestion", "Verwaltung", "beheer", "관리" and "管理"
 * meet "management" in the language-neutral keys. Read from {@code redundancy/glossary.tsv}: one
 * concept per line, {@code en fr de nl it ko zh}, variants separated by {@code |}.
 *
 * <ul>
 *   <li>Latin-script terms match as the whole word (after folding accents), and also by their key
 *   (cut to five characters), so that one entry covers the word's inflections. The key is not used
 *   when it is also the key of an English head, when two concepts claim it, or when the variant is
 *   marked {@code =word} (its key starts ordinary words of another meaning: "réseau" and
 *   "research"). A whole word that two concepts claim, or that is an English head word, is left
 *   out and reported in {@link #conflicts()}: a wrong mapping invents overlaps, a missing one only
 *   misses a translation.</li>
 *   <li>German and Dutch terms of four letters or more are also looked for <em>inside</em> long
 *   words (compounds: "Baugenehmigung" holds "Bau" and "Genehmigung"), longest first.</li>
 *   <li>Korean and Chinese terms are replaced in the text before tokenizing (longest first), since
 *   neither language separates words the way the keys chain's bigrams would need
 *   ({@link CjkTerms}).</li>
 * </ul>
 *
 * <p>{@link GlossaryParser} reads the file and applies these rules; this class answers lookups.
 */
final class Glossary {

    static final String RESOURCE = "redundancy/glossary.tsv";
    // Changing how terms are matched changes the keys: raise CatalogueIndex.LAYOUT with it.
    /** Shortest compound part at the start of a word ("Bouw" in "bouwplan", "Zorg" in "zorgloket"). */
    static final int MIN_PART = 4;
    /**
     * Shortest compound part elsewhere: four-letter words ("Bahn", "Lohn", "Werk", "Buch") end or
     * sit inside too many compounds of other meanings ("Laufbahn" is a career, "Belohnung" a reward).
     */
    private static final int MIN_INNER_PART = 5;
    /** Words shorter than this are not searched for compound parts: few are compounds. */
    private static final int MIN_COMPOUND = 8;

    static final Glossary EMPTY = new Glossary(Map.of(), Map.of(), new Trie<>(), CjkTerms.NONE, List.of(), "none");

    private final CharArrayMap<List<String>> byWord;
    private final CharArrayMap<List<String>> byKey;
    /** German and Dutch words looked for inside compounds. */
    private final Trie<Part> parts;
    private final CjkTerms cjk;
    private final List<String> conflicts;
    private final String fingerprint;

    Glossary(Map<String, List<String>> byWord, Map<String, List<String>> byKey, Trie<Part> parts,
             CjkTerms cjk, List<String> conflicts, String fingerprint) {
        this.byWord = charArrayMap(byWord);
        this.byKey = charArrayMap(byKey);
        this.parts = parts;
        this.cjk = cjk;
        this.conflicts = List.copyOf(conflicts);
        this.fingerprint = fingerprint;
    }

    /** The glossary shipped with the node. */
    static Glossary standard(Function<String, List<String>> keysOf) {
        InputStream in = Glossary.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("glossary missing from the classpath: " + RESOURCE);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, keysOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a glossary. {@code wordsOf} is the keys chain without a glossary and without the cut:
     * the English heads and the Latin terms become exactly the words the text would produce.
     */
    static Glossary parse(Reader reader, Function<String, List<String>> wordsOf) throws IOException {
        return GlossaryParser.parse(reader, wordsOf);
    }

    private static CharArrayMap<List<String>> charArrayMap(Map<String, List<String>> map) {
        CharArrayMap<List<String>> result = new CharArrayMap<>(map.size(), false);
        result.putAll(map);
        return CharArrayMap.unmodifiableMap(result);
    }

    /** The key of a word: its first {@value TextAnalysis#KEY_LENGTH} characters, as the keys chain cuts it. */
    static String cut(String word) {
        return word.length() > TextAnalysis.KEY_LENGTH ? word.substring(0, TextAnalysis.KEY_LENGTH) : word;
    }

    /** A German or Dutch word looked for inside compounds: its English keys; foreign unless it is spelled as its head. */
    record Part(List<String> keys, boolean foreign) {
    }

    /** The CRC-32 of the glossary's lines (comments and blank lines aside). */
    String fingerprint() {
        return fingerprint;
    }

    /** Terms left out because two concepts claim them or they are English head words (errors in the file). */
    List<String> conflicts() {
        return conflicts;
    }

    boolean isEmpty() {
        return byWord.isEmpty() && cjk.isEmpty();
    }

    /** The text with Korean and Chinese terms replaced by their English heads; null when it holds none. */
    CjkTerms.Rewritten rewriteCjk(String text) {
        return cjk.rewrite(text);
    }

    /**
     * The keys a folded, uncut word stands for, or null when the glossary does not know it: the
     * English keys of the word itself if it is a glossary term (else the word, kept for matching in
     * its own language), then those of the compound parts found inside it, each key once.
     */
    List<String> keysOf(char[] word, int length) {
        List<String> direct = byWord.get(word, 0, length);
        if (direct == null) {
            direct = byKey.get(word, 0, Math.min(length, TextAnalysis.KEY_LENGTH));
        }
        List<List<String>> found = length >= MIN_COMPOUND ? partsOf(CharBuffer.wrap(word, 0, length)) : List.of();
        if (direct == null && found.isEmpty()) {
            return null;
        }
        Set<String> keys = new LinkedHashSet<>(direct != null ? direct : List.of(new String(word, 0, length)));
        found.forEach(keys::addAll);
        return List.copyOf(keys);
    }

    /**
     * The keys of the compound parts found in the word, scanning left to right and skipping past
     * each longest match; none unless one part is a foreign word, so that "Ökosystem" is not split
     * on the German "system" alone.
     */
    private List<List<String>> partsOf(CharSequence word) {
        List<List<String>> found = new ArrayList<>(2);
        boolean anyForeign = false;
        int i = 0;
        while (i <= word.length() - MIN_PART) {
            Trie.Match<Part> match = parts.longestMatch(word, i, i == 0 ? MIN_PART : MIN_INNER_PART);
            if (match == null) {
                i++;
                continue;
            }
            found.add(match.value().keys());
            anyForeign |= match.value().foreign();
            i = match.end();
        }
        return anyForeign ? found : List.of();
    }
}
