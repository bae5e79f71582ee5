package org.preconsult.catalogue.exporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.RelationType;
import org.preconsult.catalogue.model.Translation;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes an existing system's catalogue entry as a publiccode.yml (0.4) that the publiccode import
 * reads back into the same entry: {@code url} is the entry's id, the owner is
 * {@code legal.mainCopyrightOwner}, the function code the first of {@code categories}, functions
 * are {@code features} and translations are further description languages; {@code usedBy} and
 * {@code isBasedOn} carry the relations. A description of the form "short, blank line, long"
 * becomes {@code shortDescription} and {@code longDescription}, any other one
 * {@code longDescription}, so the import joins them back unchanged. The import knows two statuses:
 * a retired system is {@code developmentStatus: obsolete} and comes back RETIRED, any other is
 * {@code stable} and comes back ACTIVE.
 */
public final class PublicCodeExport {

    /** The language key used when the entry names none (the import then takes it as the entry's language). */
    static final String UNDETERMINED = "und";
    private static final int SHORT_DESCRIPTION_MAX = 150;

    private PublicCodeExport() {
    }

    public static String write(CatalogueEntry entry, List<Translation> translations, List<Relation> relations) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("publiccodeYmlVersion", "0.4");
        doc.put("name", entry.name());
        doc.put("url", entry.id());
        if (entry.functionCode() != null) {
            doc.put("categories", List.of(entry.functionCode()));
        }
        doc.put("developmentStatus", entry.status() == EntryStatus.RETIRED ? "obsolete" : "stable");
        doc.put("softwareType", "standalone/web");
        List<String> usedBy = targets(relations, RelationType.USED_BY);
        if (!usedBy.isEmpty()) {
            doc.put("usedBy", usedBy);
        }
        List<String> basedOn = targets(relations, RelationType.IS_BASED_ON);
        if (!basedOn.isEmpty()) {
            doc.put("isBasedOn", basedOn);
        }
        Map<String, Object> descriptions = new LinkedHashMap<>();
        descriptions.put(entry.language() == null ? UNDETERMINED : entry.language(),
                description(null, entry.description(), entry.functions()));
        for (var t : translations) {
            descriptions.put(t.language(), description(t.name(), t.description(), t.functions()));
        }
        doc.put("description", descriptions);
        if (entry.owner() != null) {
            doc.put("legal", Map.of("license", "LicenseRef-unknown", "mainCopyrightOwner", entry.owner()));
        }
        doc.put("maintenance", Map.of("type", "internal"));
        doc.put("localisation", Map.of("localisationReady", !translations.isEmpty(),
                "availableLanguages", new ArrayList<>(descriptions.keySet())));
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setPrettyFlow(true);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        return new Yaml(options).dump(doc);
    }

    private static Map<String, Object> description(String localisedName, String text, List<String> features) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (localisedName != null) {
            d.put("localisedName", localisedName);
        }
        int split = text == null ? -1 : text.indexOf("\n\n");
        if (split > 0 && split <= SHORT_DESCRIPTION_MAX && split + 2 < text.length()) {
            d.put("shortDescription", text.substring(0, split));
            d.put("longDescription", text.substring(split + 2));
        } else if (text != null && !text.isEmpty()) {
            d.put("longDescription", text);
        }
        if (!features.isEmpty()) {
            d.put("features", features);
        }
        return d;
    }

    private static List<String> targets(List<Relation> relations, RelationType type) {
        return relations.stream().filter(r -> r.type() == type).map(Relation::target).toList();
    }
}
