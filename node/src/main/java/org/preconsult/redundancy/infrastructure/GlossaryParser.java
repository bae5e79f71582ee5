package org.preconsult.redundancy.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Reads {@code glossary.tsv} into a {@link Glossary}, deciding which terms map to which English keys
 * and which are left out as conflicts (see {@link Glossary} for the rules).
 */
final class GlossaryParser {

    private static final int LANGUAGES = 7;
    private static final String[] COLUMNS = {"en", "fr", "de", "nl", "it", "ko", "zh"};
    /** Marks a variant matched only as the whole word, not by its key (its key means something else). */
    private static final String EXACT = "=";

    private final Function<String, List<String>> wordsOf;
    private final Set<String> englishWords = new HashSet<>();
    private final Set<String> englishKeys = new HashSet<>();
    private final Map<String, List<String>> headKeys = new HashMap<>();
    private final Map<String, String> wordOwner = new HashMap<>();
    private final Map<String, String> keyOwner = new HashMap<>();
    private final Set<String> badWords = new HashSet<>();
    private final Set<String> badKeys = new HashSet<>();
    private final Map<String, Glossary.Part> parts = new TreeMap<>();
    private final Map<String, String> cjk = new TreeMap<>();
    private final List<String> conflicts = new ArrayList<>();

    private GlossaryParser(Function<String, List<String>> wordsOf) {
        this.wordsOf = wordsOf;
    }

    /**
     * Reads a glossary. {@code wordsOf} is the keys chain without a glossary and without the cut:
     * the English heads and the Latin terms become exactly the words the text would produce.
     */
    static Glossary parse(Reader reader, Function<String, List<String>> wordsOf) throws IOException {
        CRC32 content = new CRC32();
        List<String[]> lines = readLines(reader, content);
        GlossaryParser parser = new GlossaryParser(wordsOf);
        parser.readHeads(lines);
        for (String[] cells : lines) {
            parser.addConcept(cells);
        }
        return parser.build(Long.toHexString(content.getValue()));
    }

    /** The concept lines, each split into its columns; {@code content} takes their CRC-32. */
    private static List<String[]> readLines(Reader reader, CRC32 content) throws IOException {
        List<String[]> lines = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
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
        return lines;
    }

    /** The English heads' words and keys, which foreign terms must not claim. */
    private void readHeads(List<String[]> lines) {
        for (String[] cells : lines) {
            List<String> words = wordsOf.apply(cells[0].strip());
            englishWords.addAll(words);
            List<String> keys = words.stream().map(Glossary::cut).distinct().toList();
            englishKeys.addAll(keys);
            headKeys.putIfAbsent(cells[0].strip(), keys);
        }
    }

    /** Every foreign variant of one concept line. */
    private void addConcept(String[] cells) {
        String owner = cells[0].strip();
        List<String> head = headKeys.get(owner);
        if (head.isEmpty()) {
            return;
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
                    addCjk(language, term, owner);
                } else {
                    addLatin(language, term, exactOnly, owner, head);
                }
            }
        }
    }

    /** A Korean or Chinese term (two characters at least), replaced in the text by its head. */
    private void addCjk(String language, String term, String owner) {
        String before = term.codePointCount(0, term.length()) < 2 ? null : cjk.putIfAbsent(term, owner);
        if (before != null && !before.equals(owner)) {
            conflicts.add(language + " '" + term + "': '" + before + "' and '" + owner + "'");
            badWords.add(term);
        }
    }

    /** A Latin-script term: mapped as the whole word, by its key unless exact only, and as a compound part. */
    private void addLatin(String language, String term, boolean exactOnly, String owner, List<String> head) {
        List<String> words = wordsOf.apply(term);
        if (words.size() != 1) {
            return; // a stop word or several words: nothing a single token could match
        }
        String word = words.get(0);
        String key = Glossary.cut(word);
        boolean compoundLanguage = language.equals("de") || language.equals("nl");
        if (head.contains(key)) {
            if (compoundLanguage && !exactOnly && word.length() >= Glossary.MIN_PART) {
                parts.putIfAbsent(word, new Glossary.Part(head, false));
            }
            return; // already the English key
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
            return;
        }
        String keyBefore = keyOwner.putIfAbsent(key, owner);
        if (englishKeys.contains(key) || (keyBefore != null && !keyBefore.equals(owner))) {
            badKeys.add(key); // the word itself still maps; its other forms do not
        }
        if (compoundLanguage && word.length() >= Glossary.MIN_PART) {
            parts.putIfAbsent(word, new Glossary.Part(head, true));
        }
    }

    /** The glossary of every term read, without the conflicting ones. */
    private Glossary build(String fingerprint) {
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
        Trie<Glossary.Part> trie = new Trie<>();
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
        return new Glossary(Map.copyOf(byWord), Map.copyOf(byKey), trie, new CjkTerms(replacements), conflicts,
                fingerprint);
    }
}
