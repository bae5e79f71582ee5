package org.preconsult.catalogue.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.catalogue.model.Relation;
import org.preconsult.catalogue.model.Translation;

/**
 * The rules an imported entry must pass, whatever format it came in. Limits follow the columns of
 * {@code catalogue_entry} so that a valid entry always fits; free text columns get limits too, so
 * that one runaway cell cannot fill the catalogue.
 */
public final class EntryValidation {

    static final int MAX_ID = 200;
    static final int MAX_OWNER = 300;
    static final int MAX_NAME = 1000;
    static final int MAX_DESCRIPTION = 20_000;
    static final int MAX_FUNCTIONS = 100;
    static final int MAX_FUNCTION = 500;
    static final int MAX_FUNCTION_CODE = 100;
    static final int MAX_LANGUAGE = 20;
    static final int MAX_RELATION_TARGET = 1000;
    /** NUMERIC(19, 2): at most 17 digits before the decimal point and 2 after it. */
    static final int MAX_BUDGET_INTEGER_DIGITS = 17;
    static final int MAX_BUDGET_SCALE = 2;

    /** A BCP 47 tag's shape: a 2–8 letter primary subtag, then subtags of 1–8 letters or digits. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    private EntryValidation() {
    }

    /** The result of checking a batch: all entries valid, or the list of what is wrong. */
    public sealed interface Result permits Valid, Invalid {
    }

    /** Every entry passed; each is ready to store (version and time are set by the importer). */
    public record Valid(List<ValidEntry> entries) implements Result {
    }

    /** At least one entry failed; every failing field of every entry is listed. */
    public record Invalid(List<ImportViolation> violations) implements Result {
    }

    /**
     * A valid entry: its content, and its translations and relations (null when the source did not
     * carry them, so the stored ones stay).
     */
    public record ValidEntry(CatalogueEntry content, List<Translation> translations, List<Relation> relations) {
    }

    /** Checks every draft of the batch, including ids repeated within it. */
    public static Result check(List<EntryDraft> drafts) {
        List<ImportViolation> violations = new ArrayList<>();
        List<ValidEntry> valid = new ArrayList<>();
        Map<String, String> firstLabelOfId = new HashMap<>();
        for (EntryDraft draft : drafts) {
            var checker = new DraftChecker(draft);
            var entry = checker.check();
            String id = clean(draft.id());
            if (id != null) {
                String first = firstLabelOfId.putIfAbsent(id, draft.label());
                if (first != null) {
                    checker.fail("id", ImportTexts.DUPLICATE_ID, id, first);
                }
            }
            violations.addAll(checker.violations);
            if (checker.violations.isEmpty()) {
                valid.add(entry);
            }
        }
        return violations.isEmpty() ? new Valid(valid) : new Invalid(violations);
    }

    /** Strips the text; blank text counts as absent. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return org.preconsult.common.model.Text.isBlank(stripped) ? null : stripped;
    }

    /** Checks one draft, collecting every violation rather than stopping at the first. */
    private static final class DraftChecker {
        private final EntryDraft draft;
        private final List<ImportViolation> violations = new ArrayList<>();

        DraftChecker(EntryDraft draft) {
            this.draft = draft;
        }

        ValidEntry check() {
            String id = required("id", draft.id(), MAX_ID);
            if (id != null && id.chars().anyMatch(Character::isISOControl)) {
                fail("id", ImportTexts.ID_CONTROL);
            } else if (id != null && id.chars().anyMatch(c -> c == '"' || c == '\\' || Character.isWhitespace(c)
                    || Character.isSpaceChar(c))) {
                // A quote in an id is almost always a CSV value quoted wrongly ("a"b instead of "a""b").
                fail("id", ImportTexts.ID_QUOTE);
            }
            EntryKind kind = kind();
            String name = required("name", draft.name(), MAX_NAME);
            String owner = optional("owner", draft.owner(), MAX_OWNER);
            String description = optional("description", draft.description(), MAX_DESCRIPTION);
            List<String> functions = functions("functions", draft.functions());
            String functionCode = optional("functionCode", draft.functionCode(), MAX_FUNCTION_CODE);
            String language = language("language", draft.language());
            EntryStatus status = status();
            BigDecimal budget = budget();
            List<Translation> translations = translations();
            List<Relation> relations = relations();
            if (!violations.isEmpty()) {
                return null;
            }
            var content = new CatalogueEntry(id, kind, owner, name, description, functions, functionCode,
                    language, status, budget, null, 0, null);
            return new ValidEntry(content, translations, relations);
        }

        private String required(String field, String value, int max) {
            String text = clean(value);
            if (text == null) {
                fail(field, ImportTexts.REQUIRED, field);
                return null;
            }
            return withinLength(field, text, max);
        }

        private String optional(String field, String value, int max) {
            String text = clean(value);
            return text == null ? null : withinLength(field, text, max);
        }

        private String withinLength(String field, String text, int max) {
            int length = text.codePointCount(0, text.length());
            if (length > max) {
                fail(field, ImportTexts.TOO_LONG, field, length, max);
                return null;
            }
            return text;
        }

        private EntryKind kind() {
            String text = clean(draft.kind());
            if (text == null) {
                fail("kind", ImportTexts.KIND_MISSING, names(EntryKind.values()));
                return null;
            }
            try {
                return EntryKind.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fail("kind", ImportTexts.KIND_UNKNOWN, text, names(EntryKind.values()));
                return null;
            }
        }

        private EntryStatus status() {
            String text = clean(draft.status());
            if (text == null) {
                return EntryStatus.ACTIVE;
            }
            try {
                return EntryStatus.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fail("status", ImportTexts.STATUS_UNKNOWN, text, names(EntryStatus.values()));
                return null;
            }
        }

        private String language(String field, String value) {
            String text = clean(value);
            if (text == null) {
                return null;
            }
            if (text.length() > MAX_LANGUAGE || !LANGUAGE_TAG.matcher(text).matches()) {
                fail(field, ImportTexts.LANGUAGE, field, text);
                return null;
            }
            return text;
        }

        private List<String> functions(String field, List<String> values) {
            List<String> functions = values.stream().map(EntryValidation::clean).filter(f -> f != null).toList();
            if (functions.size() > MAX_FUNCTIONS) {
                fail(field, ImportTexts.TOO_MANY_FUNCTIONS, field, functions.size(), MAX_FUNCTIONS);
            }
            for (int i = 0; i < functions.size(); i++) {
                withinLength(field + "[" + i + "]", functions.get(i), MAX_FUNCTION);
            }
            return functions;
        }

        private BigDecimal budget() {
            String text = clean(draft.budget());
            if (text == null) {
                return null;
            }
            BigDecimal budget;
            try {
                budget = new BigDecimal(text);
            } catch (NumberFormatException e) {
                fail("budget", ImportTexts.BUDGET_NOT_NUMBER, text);
                return null;
            }
            if (budget.signum() < 0) {
                fail("budget", ImportTexts.BUDGET_NEGATIVE, text);
                return null;
            }
            BigDecimal normalized = budget.stripTrailingZeros();
            if (normalized.scale() > MAX_BUDGET_SCALE) {
                fail("budget", ImportTexts.BUDGET_DECIMALS, text, MAX_BUDGET_SCALE);
                return null;
            }
            if (normalized.precision() - normalized.scale() > MAX_BUDGET_INTEGER_DIGITS) {
                fail("budget", ImportTexts.BUDGET_TOO_LARGE, text, MAX_BUDGET_INTEGER_DIGITS);
                return null;
            }
            return budget;
        }

        private List<Translation> translations() {
            if (draft.translations() == null) {
                return null;
            }
            List<Translation> checked = new ArrayList<>();
            for (Translation t : draft.translations()) {
                String prefix = "translations[" + t.language() + "].";
                String language = language(prefix + "language", t.language());
                String name = optional(prefix + "name", t.name(), MAX_NAME);
                String description = optional(prefix + "description", t.description(), MAX_DESCRIPTION);
                List<String> functions = functions(prefix + "functions", t.functions());
                if (language != null) {
                    checked.add(new Translation(language, name, description, functions));
                }
            }
            return checked;
        }

        private List<Relation> relations() {
            if (draft.relations() == null) {
                return null;
            }
            List<Relation> checked = new ArrayList<>();
            for (Relation r : draft.relations()) {
                String field = "relations." + r.type();
                String target = optional(field, r.target(), MAX_RELATION_TARGET);
                if (target != null) {
                    checked.add(new Relation(r.type(), target));
                }
            }
            return checked;
        }

        /** A refusal of the field, for the reason the template words; named after the entry's id when it has one. */
        void fail(String field, org.preconsult.common.model.RuleText.Template reason, Object... args) {
            violations.add(ImportViolation.of(draft.label(), field, ImportTexts.ofEntry(clean(draft.id()), reason.fill(args))));
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
