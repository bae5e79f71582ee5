package org.preconsult.redundancy.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Everything the rescoring needs of an entry, analyzed once when the entry is indexed and kept in
 * one compact binary doc value: the entry's facts (id, kind, owner, language, function code, name),
 * the neutral keys of name and description with their counts and the word that first produced each
 * (for evidence), the keys of each function, and the entities. A check reads this back instead of
 * re-analyzing every candidate's text, and without touching stored fields (whose compressed blocks
 * cost more to open than the value itself).
 *
 * <p>Encoding: the facts (id, kind, owner, owner key, language, function code, name; absent ones
 * empty), the folded name (for character trigrams), then for name and description, a count of
 * keys, then (key, count, surface) each; then a count of functions, each (text, count of keys,
 * keys); then a count of entities, each (key, written form). Strings are Lucene's length-prefixed
 * UTF-8, numbers variable-length integers.
 */
final class EntryProfile {

    /** What an entry is, as shown in a match. */
    record Facts(String id, String kind, String owner, String ownerKey, String language, String functionCode,
                 String name) {
    }

    final Facts facts;
    final String foldedName;
    final TextAnalysis.Keys name;
    final TextAnalysis.Keys description;
    final Map<String, Set<String>> functions;
    final Map<String, String> entities;

    EntryProfile(Facts facts, String foldedName, TextAnalysis.Keys name, TextAnalysis.Keys description,
                 Map<String, Set<String>> functions, Map<String, String> entities) {
        this.facts = facts;
        this.foldedName = foldedName;
        this.name = name;
        this.description = description;
        this.functions = functions;
        this.entities = entities;
    }

    /**
     * Analyzes an entry's texts; {@code fullText} is {@link TextAnalysis#fullText} of name,
     * description and functions, where the entities are found.
     */
    static EntryProfile analyze(TextAnalysis analysis, Facts facts, String description, List<String> functionTexts,
                                String fullText) {
        String name = facts.name();
        Map<String, Set<String>> functions = new LinkedHashMap<>();
        for (String f : functionTexts) {
            if (f != null && !f.isBlank()) {
                functions.put(f, analysis.keys(f, facts.language()).counts().keySet());
            }
        }
        return new EntryProfile(facts, TextAnalysis.fold(name), analysis.keys(name, facts.language()),
                analysis.keys(description, facts.language()), functions,
                Entities.of(fullText));
    }

    /** Name, description and function keys together with their counts: the entry's neutral text. */
    Map<String, Integer> allKeys() {
        Map<String, Integer> all = new HashMap<>(name.counts());
        description.counts().forEach((k, n) -> all.merge(k, n, Integer::sum));
        functions.values().forEach(keys -> keys.forEach(k -> all.merge(k, 1, Integer::sum)));
        return all;
    }

    BytesRef encode() {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            for (String fact : new String[] {facts.id(), facts.kind(), facts.owner(), facts.ownerKey(), facts.language(),
                    facts.functionCode(), facts.name()}) {
                out.writeString(fact == null ? "" : fact);
            }
            out.writeString(foldedName);
            writeKeys(out, name);
            writeKeys(out, description);
            out.writeVInt(functions.size());
            for (var f : functions.entrySet()) {
                out.writeString(f.getKey());
                out.writeVInt(f.getValue().size());
                for (String k : f.getValue()) {
                    out.writeString(k);
                }
            }
            out.writeVInt(entities.size());
            for (var e : entities.entrySet()) {
                out.writeString(e.getKey());
                out.writeString(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static EntryProfile decode(BytesRef bytes) {
        try {
            return read(new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EntryProfile read(ByteArrayDataInput in) throws IOException {
        Facts facts = new Facts(in.readString(), in.readString(), in.readString(), in.readString(), in.readString(),
                in.readString(), in.readString());
        String foldedName = in.readString();
        TextAnalysis.Keys name = readKeys(in);
        TextAnalysis.Keys description = readKeys(in);
        int nf = in.readVInt();
        Map<String, Set<String>> functions = new LinkedHashMap<>(Math.max(4, nf * 2));
        for (int i = 0; i < nf; i++) {
            String text = in.readString();
            int nk = in.readVInt();
            Set<String> keys = new LinkedHashSet<>(Math.max(4, nk * 2));
            for (int j = 0; j < nk; j++) {
                keys.add(in.readString());
            }
            functions.put(text, keys);
        }
        int ne = in.readVInt();
        Map<String, String> entities = new LinkedHashMap<>(Math.max(4, ne * 2));
        for (int i = 0; i < ne; i++) {
            entities.put(in.readString(), in.readString());
        }
        return new EntryProfile(facts, foldedName, name, description, functions, entities);
    }

    private static void writeKeys(ByteBuffersDataOutput out, TextAnalysis.Keys keys) throws IOException {
        out.writeVInt(keys.counts().size());
        for (var e : keys.counts().entrySet()) {
            out.writeString(e.getKey());
            out.writeVInt(e.getValue());
            String surface = keys.surfaces().get(e.getKey());
            out.writeString(surface == null ? e.getKey() : surface);
        }
    }

    private static TextAnalysis.Keys readKeys(ByteArrayDataInput in) throws IOException {
        int n = in.readVInt();
        if (n == 0) {
            return TextAnalysis.Keys.EMPTY;
        }
        Map<String, Integer> counts = new LinkedHashMap<>(n * 2);
        Map<String, String> surfaces = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String key = in.readString();
            counts.put(key, in.readVInt());
            surfaces.put(key, in.readString());
        }
        return new TextAnalysis.Keys(counts, surfaces);
    }
}
