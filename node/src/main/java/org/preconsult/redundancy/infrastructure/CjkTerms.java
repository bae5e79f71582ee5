package org.preconsult.redundancy.infrastructure;

import java.util.Arrays;
import java.util.Map;

/**
 * Replaces the glossary's Korean and Chinese terms in a text by their English heads before
 * tokenizing (longest first), since neither language separates words the way the keys chain's
 * bigrams would need; keeps, for each character of the result, the span of the original it came from.
 */
final class CjkTerms {

    static final CjkTerms NONE = new CjkTerms(Map.of());

    private final Map<String, String> replacements;
    /** Korean and Chinese terms, each with the English head that replaces it (spaces around). */
    private final Trie<String> terms = new Trie<>();

    /** {@code replacements}: each term with the text that replaces it. */
    CjkTerms(Map<String, String> replacements) {
        this.replacements = replacements;
        replacements.forEach(terms::add);
    }

    boolean isEmpty() {
        return replacements.isEmpty();
    }

    /**
     * The text with each Korean or Chinese glossary term replaced by its English head (longest match
     * first, surrounded by spaces), and for each character of the result the span of the original
     * it came from; null when the text holds no such term.
     */
    Rewritten rewrite(String text) {
        if (replacements.isEmpty() || !hasCjk(text)) {
            return null;
        }
        Rewriting out = null;
        int i = 0;
        while (i < text.length()) {
            Trie.Match<String> match = terms.longestMatch(text, i, 1);
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

    /** A text with glossary terms replaced; {@link #original} gives back the words a span came from. */
    record Rewritten(String text, int[] from, int[] to) {
        /** The original text of the rewritten span {@code [start, end)}; empty for an empty span. */
        String original(String source, int start, int end) {
            return start >= end ? "" : source.substring(from[start], to[end - 1]);
        }
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
                from = Arrays.copyOf(from, size);
                to = Arrays.copyOf(to, size);
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
}
