package org.preconsult.catalogue.importing;

import java.util.List;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.Translation;

/**
 * One entry of an import as the source gave it, not yet validated: every format (JSON, CSV,
 * publiccode.yml) is read into these, so that one validator and one importer serve them all.
 * Values stay text where the source may hold something unreadable (kind, status, budget), so that
 * the validator reports them with the others.
 *
 * <p>{@code label} names the entry in error messages the way the source numbers it
 * ({@code entries[3]}, {@code row 4}, {@code publiccode.yml}). {@code translations} and
 * {@code relations} are null when the format does not carry them: the stored ones are then kept.
 */
public record EntryDraft(
        String label,
        String id,
        String kind,
        String owner,
        String name,
        String description,
        List<String> functions,
        String functionCode,
        String language,
        String status,
        String budget,
        List<Translation> translations,
        List<Relation> relations) {

    public EntryDraft {
        functions = functions == null ? List.of() : functions.stream().map(f -> f == null ? "" : f).toList();
        translations = translations == null ? null : List.copyOf(translations);
        relations = relations == null ? null : List.copyOf(relations);
    }

    /** A draft of the fields shared by JSON and CSV, which carry no translations or relations. */
    public static EntryDraft plain(String label, String id, String kind, String owner, String name,
            String description, List<String> functions, String functionCode, String language, String status,
            String budget) {
        return new EntryDraft(label, id, kind, owner, name, description, functions, functionCode, language,
                status, budget, null, null);
    }
}
