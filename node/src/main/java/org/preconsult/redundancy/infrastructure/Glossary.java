package org.preconsult.redundancy.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.CRC32;
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
 *   neither language separates words the way the keys chain's bigrams would need.</li>
 * </ul>
 */
final class Glossary {

    static final String RESOURCE = "redundancy/glossary.tsv";
    private static final int LANGUAGES = 7;
    private static final String[] COLUMNS = {"en", "fr", "de", "nl", "it", "ko", "zh"};
    // Changing how terms are matched changes the keys: raise CatalogueIndex.LAYOUT with it.
    /** Shortest compound part at the start of a word ("Bouw" in "bouwplan", "Zorg" in "zorgloket"). */
    private static final int MIN_PART = 4;
    /**
     * Shortest compound part elsewhere: four-letter words ("Bahn", "Lohn", "Werk", "Buch") end or
     * sit inside too many compounds of other meanings ("Laufbahn" is a career, "Belohnung" a reward).
     */
    private static final int MIN_INNER_PART = 5;
    /** Words shorter than this are not searched for compound parts: few are compounds. */
    private static final int MIN_COMPOUND = 8;

    /** Marks a variant matched only as the whole word, not by its key (its key means something else). */
    private static final String EXACT = "=";

    static final Glossary EMPTY = new Glossary(Map.of(), Map.of(), new Trie<>(), Map.of(), List.of(), "none");

    private final CharArrayMap<List<String>> byWord;
    private final CharArrayMap<List<String>> byKey;
    /** German and Dutch words looked for inside compounds. */
    private final Trie<Part> parts;
    private final Map<String, String> cjk;
    /** Korean and Chinese terms, each with the English head that replaces it (spaces around). */
    private final Trie<String> cjkTerms = new Trie<>();
    private final List<String> conflicts;
    private final String fingerprint;

    private Glossary(Map<String, List<String>> byWord, Map<String, List<String>> byKey, Trie<Part> parts,
                     Map<String, String> cjk, List<String> conflicts, String fingerprint) {
        this.byWord = charArrayMap(byWord);
        this.byKey = charArrayMap(byKey);
        this.parts = parts;
        this.cjk = cjk;
        this.conflicts = List.copyOf(conflicts);
        this.fingerprint = fingerprint;
        cjk.forEach(cjkTerms::add);
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
        List<String[]> lines = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        CRC32 content = new CRC32();
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark, as some editors write
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            content.update((line + "\n").getBytes(StandardCharsets.UTF_8));
            String[] cells = line.split("\t", -1);
            if (cells.length != LANGUAGES || cells[0].isBlank()) {
                throw new IllegalArgumentException("glossary line " + number + ": expected " + LANGUAGES
                        + " tab-separated columns with an English head, got: " + line);
            }
            lines.add(cells);
        }
        Set<String> englishWords = new HashSet<>();
        Set<String> englishKeys = new HashSet<>();
        Map<String, List<String>> headKeys = new HashMap<>();
        for (String[] cells : lines) {
            List<String> words = wordsOf.apply(cells[0].strip());
            englishWords.addAll(words);
            List<String> keys = words.stream().map(Glossary::cut).distinct().toList();
            englishKeys.addAll(keys);
            headKeys.putIfAbsent(cells[0].strip(), keys);
        }
        Map<String, String> wordOwner = new HashMap<>();
        Map<String, String> keyOwner = new HashMap<>();
        Set<String> badWords = new HashSet<>();
        Set<String> badKeys = new HashSet<>();
        Map<String, Part> parts = new TreeMap<>();
        Map<String, String> cjk = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        for (String[] cells : lines) {
            String owner = cells[0].strip();
            List<String> head = headKeys.get(owner);
            if (head.isEmpty()) {
                continue;
            }
            for (int c = 1; c < LANGUAGES; c++) {
                String language = COLUMNS[c];
                for (String variant : cells[c].split("\\|")) {
                    String term = variant.strip();
                    boolean exactOnly = term.startsWith(EXACT);
                    term = exactOnly ? term.substring(EXACT.length()).strip() : term;
                    if (term.isEmpty()) {
                        continue;
                    }
                    if (language.equals("ko") || language.equals("zh")) {
                        String before = term.codePointCount(0, term.length()) < 2 ? null : cjk.putIfAbsent(term, owner);
                        if (before != null && !before.equals(owner)) {
                            conflicts.add(language + " '" + term + "': '" + before + "' and '" + owner + "'");
                            badWords.add(term);
                        }
                        continue;
                    }
                    List<String> words = wordsOf.apply(term);
                    if (words.size() != 1) {
                        continue; // a stop word or several words: nothing a single token could match
                    }
                    String word = words.get(0);
                    String key = cut(word);
                    boolean compoundLanguage = language.equals("de") || language.equals("nl");
                    if (head.contains(key)) {
                        if (compoundLanguage && !exactOnly && word.length() >= MIN_PART) {
                            parts.putIfAbsent(word, new Part(head, false));
                        }
                        continue; // already the English key
                    }
                    String wordBefore = wordOwner.putIfAbsent(word, owner);
                    if (englishWords.contains(word)) {
                        conflicts.add(language + " '" + term + "' is also an English head word, not '" + owner + "'");
                        badWords.add(word);
                    } else if (wordBefore != null && !wordBefore.equals(owner)) {
                        conflicts.add(language + " '" + term + "': '" + wordBefore + "' and '" + owner + "'");
                        badWords.add(word);
                    }
                    if (exactOnly) {
                        continue;
                    }
                    String keyBefore = keyOwner.putIfAbsent(key, owner);
                    if (englishKeys.contains(key) || (keyBefore != null && !keyBefore.equals(owner))) {
                        badKeys.add(key); // the word itself still maps; its other forms do not
                    }
                    if (compoundLanguage && word.length() >= MIN_PART) {
                        parts.putIfAbsent(word, new Part(head, true));
                    }
                }
            }
        }
        Map<String, List<String>> byWord = new HashMap<>();
        wordOwner.forEach((word, owner) -> {
            if (!badWords.contains(word)) {
                byWord.put(word, headKeys.get(owner));
            }
        });
        Map<String, List<String>> byKey = new HashMap<>();
        keyOwner.forEach((key, owner) -> {
            if (!badKeys.contains(key)) {
                byKey.put(key, headKeys.get(owner));
            }
        });
        Trie<Part> trie = new Trie<>();
        parts.forEach((word, part) -> {
            if (!badWords.contains(word)) {
                trie.add(word, part);
            }
        });
        Map<String, String> replacements = new TreeMap<>();
        cjk.forEach((term, owner) -> {
            if (!badWords.contains(term)) {
                replacements.put(term, " " + owner + " ");
            }
        });
        return new Glossary(Map.copyOf(byWord), Map.copyOf(byKey), trie, replacements, conflicts,
                Long.toHexString(content.getValue()));
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
    private record Part(List<String> keys, boolean foreign) {
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

    /**
     * The text with each Korean or Chinese glossary term replaced by its English head (longest match
     * first, surrounded by spaces), and for each character of the result the span of the original
     * it came from; null when the text holds no such term.
     */
    Rewritten rewriteCjk(String text) {
        if (cjk.isEmpty() || !hasCjk(text)) {
            return null;
        }
        Rewriting out = null;
        int i = 0;
        while (i < text.length()) {
            Trie.Match<String> match = cjkTerms.longestMatch(text, i, 1);
            String head = match == null ? null : match.value();
            int end = match == null ? -1 : match.end();
            if (head == null) {
                if (out != null) {
                    out.add(text.charAt(i), i);
                }
                i++;
                continue;
            }
            if (out == null) {
                out = new Rewriting(text.length() + 32);
                for (int k = 0; k < i; k++) {
                    out.add(text.charAt(k), k);
                }
            }
            out.add(head, i, end);
            i = end;
        }
        return out == null ? null : out.done();
    }

    /** The rewritten text being built, with the original span of each of its characters. */
    private static final class Rewriting {
        private final StringBuilder text;
        private int[] from;
        private int[] to;

        Rewriting(int capacity) {
            text = new StringBuilder(capacity);
            from = new int[capacity];
            to = new int[capacity];
        }

        void add(char c, int at) {
            ensure(1);
            from[text.length()] = at;
            to[text.length()] = at + 1;
            text.append(c);
        }

        void add(String s, int start, int end) {
            ensure(s.length());
            for (int k = 0; k < s.length(); k++) {
                from[text.length()] = start;
                to[text.length()] = end;
                text.append(s.charAt(k));
            }
        }

        private void ensure(int more) {
            if (text.length() + more > from.length) {
                int size = Math.max(from.length * 2, text.length() + more);
                from = java.util.Arrays.copyOf(from, size);
                to = java.util.Arrays.copyOf(to, size);
            }
        }

        Rewritten done() {
            return new Rewritten(text.toString(), from, to);
        }
    }

    private static boolean hasCjk(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u1100') {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.HANGUL || script == Character.UnicodeScript.HAN) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A text with glossary terms replaced; {@link #original} gives back the words a span came from. */
    record Rewritten(String text, int[] from, int[] to) {
        /** The original text of the rewritten span {@code [start, end)}; empty for an empty span. */
        String original(String source, int start, int end) {
            return start >= end ? "" : source.substring(from[start], to[end - 1]);
        }
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
        List<List<String>> found = length >= MIN_COMPOUND ? partsOf(java.nio.CharBuffer.wrap(word, 0, length)) : List.of();
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

    /** Terms by character, for the longest term starting at a position of a text. */
    static final class Trie<V> {
        private final Node<V> root = new Node<>();

        private static final class Node<V> {
            private final Map<Character, Node<V>> children = new HashMap<>(4);
            private V value;
        }

        /** The end (exclusive) of the longest term found at a position, and its value. */
        record Match<V>(int end, V value) {
        }

        void add(String term, V value) {
            Node<V> node = root;
            for (int i = 0; i < term.length(); i++) {
                node = node.children.computeIfAbsent(term.charAt(i), c -> new Node<>());
            }
            node.value = value;
        }

        /** The longest term of at least {@code minLength} characters starting at {@code start}; null when none. */
        Match<V> longestMatch(CharSequence text, int start, int minLength) {
            Node<V> node = root;
            Match<V> longest = null;
            for (int j = start; j < text.length(); j++) {
                node = node.children.get(text.charAt(j));
                if (node == null) {
                    break;
                }
                if (node.value != null && j + 1 - start >= minLength) {
                    longest = new Match<>(j + 1, node.value);
                }
            }
            return longest;
        }
    }
}
