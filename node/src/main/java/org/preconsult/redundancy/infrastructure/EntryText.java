package org.preconsult.redundancy.infrastructure;

import java.util.Map;
import java.util.Set;
import org.preconsult.catalogue.model.EntryKind;

/** A candidate entry read back from its profile doc value: facts and pre-analyzed keys, no analysis. */
final class EntryText {

    /** A text of the entry (when kept) with its keys. */
    record NamedKeys(String text, TextAnalysis.Keys keys) {
        Map<String, Integer> counts() {
            return keys.counts();
        }
    }

    final String id;
    final EntryKind kind;
    final String owner;
    final String ownerKey;
    final String language;
    final String functionCode;
    final NamedKeys name;
    final NamedKeys description;
    final Map<String, Integer> allKeys;
    final Set<String> titleGrams;
    final Map<String, String> entities;
    final Map<String, Set<String>> functions;

    EntryText(EntryProfile profile) {
        EntryProfile.Facts facts = profile.facts;
        this.id = facts.id();
        this.kind = EntryKind.valueOf(facts.kind());
        this.owner = facts.owner().isEmpty() ? null : facts.owner();
        this.ownerKey = facts.ownerKey();
        this.language = facts.language();
        this.functionCode = facts.functionCode();
        this.name = new NamedKeys(facts.name(), profile.name);
        this.description = new NamedKeys(null, profile.description);
        this.allKeys = profile.allKeys();
        this.functions = profile.functions;
        this.entities = profile.entities;
        this.titleGrams = TextSimilarity.foldedTrigrams(profile.foldedName);
    }
}
