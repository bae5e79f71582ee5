package org.preconsult.redundancy.infrastructure;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Replaces each word the glossary knows by its English keys (a compound by its parts' keys too). */
final class GlossaryFilter extends TokenFilter {

    private final Glossary glossary;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final ArrayDeque<String> pending = new ArrayDeque<>();
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
