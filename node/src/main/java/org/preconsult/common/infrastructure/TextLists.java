package org.preconsult.common.infrastructure;

import java.util.Arrays;
import java.util.List;

/** Stores short lists of text (functions, reasons) as one column: one item per line. */
public final class TextLists {

    private TextLists() {
    }

    public static String join(List<String> items) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        return String.join("\n", items.stream().map(i -> i.replace('\n', ' ').strip()).toList());
    }

    public static List<String> split(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return Arrays.stream(column.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
