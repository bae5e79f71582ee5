package org.preconsult.redundancy.infrastructure;

import java.util.HashMap;
import java.util.Map;

/** Terms by character, for the longest term starting at a position of a text. */
final class Trie<V> {

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
