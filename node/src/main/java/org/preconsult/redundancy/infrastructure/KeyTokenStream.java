package org.preconsult.redundancy.infrastructure;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Feeds an index field with keys analyzed once per entry: the given key counts as a token stream,
 * each key repeated by its count. Frequencies and field length are those of the text; the key
 * fields keep no positions, so token order is irrelevant.
 */
final class KeyTokenStream extends TokenStream {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Map<String, Integer> counts;
    private Iterator<Map.Entry<String, Integer>> entries;
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
