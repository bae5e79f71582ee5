package org.preconsult.catalogue.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.RelationType;
import org.preconsult.catalogue.model.Translation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one publiccode.yml document (standard versions 0.2 to 0.4; later 0.x versions keep these
 * keys) into an existing-system entry.
 *
 * <p>Mapping: {@code url} (or the id the operator gives) → id; {@code name} → name; the English
 * description ({@code en}, else the first language listed) → description (short, then long),
 * language, and functions ({@code features}); every other language → a translation with its
 * {@code localisedName}, description and features; the first of {@code categories} → function
 * code; {@code usedBy} and {@code isBasedOn} → relations; owner from {@code legal.mainCopyrightOwner},
 * else {@code legal.repoOwner}, else {@code organisation.name}, else the first maintenance
 * contractor; {@code developmentStatus: obsolete} → RETIRED, any other → ACTIVE.
 *
 * <p>The YAML is read with SnakeYAML's safe constructor: only maps, lists and scalars, never
 * arbitrary Java types; aliases, nesting and size are bounded against "billion laughs" documents.
 */
public final class PublicCodeEntries {

    static final int MAX_CODE_POINTS = 1_000_000;

    private PublicCodeEntries() {
    }

    /** Reads the document; {@code idOverride} (blank: none) replaces {@code url} as the entry id. */
    public static ReadResult read(String text, String idOverride) {
        Object document;
        try {
            document = yaml().load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            return unreadable(mark == null ? ImportTexts.YAML.fill(e.getProblem())
                    : ImportTexts.YAML_AT.fill(e.getProblem(), mark.getLine() + 1, mark.getColumn() + 1));
        } catch (YAMLException e) {
            return unreadable(ImportTexts.YAML.fill(e.getMessage()));
        }
        if (!(document instanceof Map<?, ?> root)) {
            return unreadable(ImportTexts.NOT_PUBLICCODE.fill());
        }
        return new Reader(root, EntryValidation.clean(idOverride)).read();
    }

    private static Yaml yaml() {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(MAX_CODE_POINTS);
        return new Yaml(new SafeConstructor(options));
    }

    private static ReadResult unreadable(String detail) {
        return new ReadResult.Unreadable(detail, List.of());
    }

    /** Walks one parsed document, collecting every missing or mistyped key. */
    private static final class Reader {
        private final Map<?, ?> root;
        private final String idOverride;
        private final List<ImportViolation> violations = new ArrayList<>();

        Reader(Map<?, ?> root, String idOverride) {
            this.root = root;
            this.idOverride = idOverride;
        }

        ReadResult read() {
            String version = text(root, "publiccodeYmlVersion");
            if (version == null) {
                fail("publiccodeYmlVersion", ImportTexts.VERSION_MISSING.fill());
            } else if (!version.startsWith("0.")) {
                fail("publiccodeYmlVersion", ImportTexts.VERSION_UNSUPPORTED.fill(version));
            }
            String name = text(root, "name");
            if (name == null) {
                fail("name", ImportTexts.REQUIRED.fill("name"));
            }
            String id = id();
            Map<String, Map<?, ?>> descriptions = descriptions();
            String mainLanguage = mainLanguage(descriptions);
            if (mainLanguage == null) {
                fail("description", ImportTexts.DESCRIPTION_MISSING.fill());
            }
            if (!violations.isEmpty()) {
                return new ReadResult.Unreadable(ImportTexts.PUBLICCODE_KEYS.fill(), violations);
            }
            Map<?, ?> main = descriptions.get(mainLanguage);
            List<Translation> translations = new ArrayList<>();
            descriptions.forEach((language, other) -> {
                if (!language.equals(mainLanguage)) {
                    String path = "description." + language;
                    translations.add(new Translation(language, text(other, "localisedName", path),
                            describe(other, path), texts(other, "features", path)));
                }
            });
            var draft = new EntryDraft("", id, EntryKind.EXISTING_SYSTEM.name(), owner(), name,
                    describe(main, "description." + mainLanguage), texts(main, "features", "description." + mainLanguage),
                    firstCategory(), mainLanguage, status(), null, translations, relations());
            if (!violations.isEmpty()) {
                return new ReadResult.Unreadable(ImportTexts.PUBLICCODE_TYPES.fill(), violations);
            }
            return new ReadResult.Drafts(List.of(draft));
        }

        private String id() {
            String url = text(root, "url");
            if (idOverride != null) {
                return idOverride;
            }
            if (url == null) {
                fail("url", ImportTexts.URL_MISSING.fill());
            } else if (url.length() > EntryValidation.MAX_ID) {
                fail("url", ImportTexts.URL_TOO_LONG.fill(url.length(), EntryValidation.MAX_ID));
            }
            return url;
        }

        /** The descriptions by language, in the order the document lists them. */
        private Map<String, Map<?, ?>> descriptions() {
            Map<String, Map<?, ?>> byLanguage = new LinkedHashMap<>();
            Map<?, ?> descriptions = map(root, "description");
            if (descriptions == null) {
                return byLanguage;
            }
            for (var language : descriptions.entrySet()) {
                // YAML 1.1 reads some bare keys as booleans (no: Norwegian); the key as written is wanted.
                String key = language.getKey() instanceof Boolean b ? (b ? "yes" : "no") : String.valueOf(language.getKey());
                if (language.getValue() instanceof Map<?, ?> description) {
                    byLanguage.put(key, description);
                } else {
                    fail("description." + key, ImportTexts.DESCRIPTION_NOT_MAPPING.fill("description." + key));
                }
            }
            return byLanguage;
        }

        /** English first ({@code en}, {@code en-*}, then {@code eng}), else the first language with text. */
        private String mainLanguage(Map<String, Map<?, ?>> descriptions) {
            List<String> described = descriptions.entrySet().stream()
                    .filter(d -> describe(d.getValue(), "description." + d.getKey()) != null)
                    .map(Map.Entry::getKey).toList();
            return described.stream().filter("en"::equalsIgnoreCase).findFirst()
                    .or(() -> described.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("en-")).findFirst())
                    .or(() -> described.stream().filter("eng"::equalsIgnoreCase).findFirst())
                    .or(() -> described.stream().findFirst())
                    .orElse(null);
        }

        /** The short description, then the long one, separated by a blank line; null when both are absent. */
        private String describe(Map<?, ?> description, String path) {
            String shortText = text(description, "shortDescription", path);
            String longText = text(description, "longDescription", path);
            if (shortText == null || longText == null) {
                return shortText == null ? longText : shortText;
            }
            return shortText + "\n\n" + longText;
        }

        private String owner() {
            Map<?, ?> legal = map(root, "legal");
            Map<?, ?> organisation = map(root, "organisation");
            Map<?, ?> maintenance = map(root, "maintenance");
            return Optional.ofNullable(text(legal, "mainCopyrightOwner", "legal"))
                    .or(() -> Optional.ofNullable(text(legal, "repoOwner", "legal")))
                    .or(() -> Optional.ofNullable(text(organisation, "name", "organisation")))
                    .or(() -> Optional.ofNullable(firstContractor(maintenance)))
                    .orElse(null);
        }

        private String firstContractor(Map<?, ?> maintenance) {
            if (maintenance == null || !(maintenance.get("contractors") instanceof List<?> contractors)) {
                return null;
            }
            return contractors.stream().filter(c -> c instanceof Map<?, ?>)
                    .map(c -> text((Map<?, ?>) c, "name", "maintenance.contractors"))
                    .filter(n -> n != null).findFirst().orElse(null);
        }

        private String firstCategory() {
            List<String> categories = texts(root, "categories", "");
            if (categories.isEmpty()) {
                // publiccode.yml 0.1 drafts called them tags; some 0.2 files still do.
                categories = texts(root, "tags", "");
            }
            return categories.isEmpty() ? null : categories.get(0);
        }

        private String status() {
            String status = text(root, "developmentStatus");
            return "obsolete".equalsIgnoreCase(status) ? EntryStatus.RETIRED.name() : EntryStatus.ACTIVE.name();
        }

        private List<Relation> relations() {
            List<Relation> relations = new ArrayList<>();
            texts(root, "usedBy", "").forEach(t -> relations.add(new Relation(RelationType.USED_BY, t)));
            // isBasedOn is one URL or a list of them.
            texts(root, "isBasedOn", "").forEach(t -> relations.add(new Relation(RelationType.IS_BASED_ON, t)));
            return relations;
        }

        private String text(Map<?, ?> map, String key) {
            return text(map, key, "");
        }

        /** A scalar as text (numbers and dates as written); null when absent or blank. */
        private String text(Map<?, ?> map, String key, String path) {
            Object value = map == null ? null : map.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                fail(join(path, key), (value instanceof Map<?, ?> ? ImportTexts.TEXT_NOT_MAPPING : ImportTexts.TEXT_NOT_LIST)
                        .fill(join(path, key)));
                return null;
            }
            return EntryValidation.clean(value.toString());
        }

        /** A list of scalars, or one scalar as a list of one. */
        private List<String> texts(Map<?, ?> map, String key, String path) {
            Object value = map == null ? null : map.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> items)) {
                String single = text(map, key, path);
                return single == null ? List.of() : List.of(single);
            }
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    fail(join(path, key) + "[" + i + "]", ImportTexts.ITEM_NOT_TEXT.fill(join(path, key) + "[" + i + "]"));
                } else if (item != null && EntryValidation.clean(item.toString()) != null) {
                    texts.add(EntryValidation.clean(item.toString()));
                }
            }
            return texts;
        }

        private Map<?, ?> map(Map<?, ?> map, String key) {
            Object value = map == null ? null : map.get(key);
            if (value == null || value instanceof Map<?, ?>) {
                return (Map<?, ?>) value;
            }
            fail(key, ImportTexts.NOT_MAPPING.fill(key));
            return null;
        }

        private static String join(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private void fail(String field, String message) {
            violations.add(ImportViolation.of("", field, message));
        }
    }
}
