package org.preconsult.catalogue.importing;

import java.util.List;
import java.util.Optional;
import org.preconsult.common.model.RuleText;
import org.preconsult.common.model.RuleText.Template;

/**
 * The texts of an import's refusals (why a field, a row or a whole document was refused) as
 * message keys with their English wording, so that a page shows them in the reader's language.
 *
 * <p>The API's problem+json keeps the English text that {@link Template#fill} writes; the page reads
 * the key and the arguments back with {@link #parse}. A refusal of one
 * entry is {@link #ENTRY} around the reason ("Entry 'x': " and the reason); every reason ends with
 * its full stop, so that it reads the same with or without that prefix.
 */
public final class ImportTexts {

    private ImportTexts() {
    }

    // One entry, and the reasons for refusing one of its fields.
    public static final Template ENTRY = new Template("import.reason.entry", "Entry '{0}': {1}");
    static final Template DUPLICATE_ID = new Template("import.reason.duplicateId",
            "the id '{0}' is already used by {1} of this import; each id may appear once per import.");
    static final Template ID_CONTROL = new Template("import.reason.idControl",
            "the id contains control characters (tabs, line breaks); remove them.");
    static final Template ID_QUOTE = new Template("import.reason.idQuote",
            "the id contains a quote, a backslash or a space; ids are single words or URLs"
                    + " (in CSV, enclose a value with quotes in double quotes and double the inner ones).");
    static final Template REQUIRED = new Template("import.reason.required", "{0} is required.");
    static final Template TOO_LONG = new Template("import.reason.tooLong",
            "{0} has {1} characters; at most {2} are allowed.");
    static final Template KIND_MISSING = new Template("import.reason.kindMissing", "kind is required: one of {0}.");
    static final Template KIND_UNKNOWN = new Template("import.reason.kindUnknown", "kind '{0}' is not one of {1}.");
    static final Template STATUS_UNKNOWN = new Template("import.reason.statusUnknown",
            "status '{0}' is not one of {1} (leave it empty for ACTIVE).");
    static final Template LANGUAGE = new Template("import.reason.language",
            "{0} '{1}' is not a BCP 47 language tag such as 'en', 'it' or 'pt-BR'.");
    static final Template TOO_MANY_FUNCTIONS = new Template("import.reason.tooManyFunctions",
            "{0} lists {1} functions; at most {2} are allowed.");
    static final Template BUDGET_NOT_NUMBER = new Template("import.reason.budgetNotNumber",
            "budget '{0}' is not a number; write it like 125000 or 125000.50, without currency or thousands separators.");
    static final Template BUDGET_NEGATIVE = new Template("import.reason.budgetNegative", "budget must be 0 or more, not {0}.");
    static final Template BUDGET_DECIMALS = new Template("import.reason.budgetDecimals", "budget {0} has more than {1} decimals.");
    static final Template BUDGET_TOO_LARGE = new Template("import.reason.budgetTooLarge",
            "budget {0} is too large (at most {1} digits before the decimal point).");
    static final Template FOREIGN = new Template("import.reason.foreign",
            "this entry belongs to node '{0}' and reaches this node through the federation; change it at that node.");

    // CSV: the header and the rows.
    static final Template UNKNOWN_COLUMN = new Template("import.reason.unknownColumn",
            "The column '{0}' is not known; the columns are {1}.");
    static final Template COLUMN_TWICE = new Template("import.reason.columnTwice", "The column '{0}' appears twice.");
    static final Template COLUMN_MISSING = new Template("import.reason.columnMissing",
            "The required column '{0}' is missing from the header row.");
    static final Template ROW_WIDTH = new Template("import.reason.rowWidth",
            "The row has {0} values but the header has {1} columns; enclose values containing commas in double quotes.");

    // publiccode.yml: keys missing or of the wrong type.
    static final Template VERSION_MISSING = new Template("import.reason.versionMissing",
            "publiccodeYmlVersion is required: this node reads publiccode.yml 0.2 to 0.4.");
    static final Template VERSION_UNSUPPORTED = new Template("import.reason.versionUnsupported",
            "publiccode.yml version {0} is not supported: this node reads 0.2 to 0.4.");
    static final Template DESCRIPTION_MISSING = new Template("import.reason.descriptionMissing",
            "description is required: at least one language (such as 'en') with a shortDescription or longDescription.");
    static final Template URL_MISSING = new Template("import.reason.urlMissing",
            "url (the repository URL, used as the entry id) is required; or give the id as ?id=....");
    static final Template URL_TOO_LONG = new Template("import.reason.urlTooLong",
            "url has {0} characters but an entry id takes at most {1}; give a shorter id as ?id=....");
    static final Template DESCRIPTION_NOT_MAPPING = new Template("import.reason.descriptionNotMapping",
            "{0} must be a mapping with shortDescription, longDescription and features.");
    static final Template TEXT_NOT_MAPPING = new Template("import.reason.textNotMapping", "{0} must be text, not a mapping.");
    static final Template TEXT_NOT_LIST = new Template("import.reason.textNotList", "{0} must be text, not a list.");
    static final Template ITEM_NOT_TEXT = new Template("import.reason.itemNotText", "{0} must be text.");
    static final Template NOT_MAPPING = new Template("import.reason.notMapping", "{0} must be a mapping.");

    // Why a whole document or request was refused.
    static final Template ONE_INVALID = new Template("import.detail.oneInvalid",
            "1 entry is not valid; nothing was imported. Correct the entries listed and send the whole import again.");
    static final Template INVALID = new Template("import.detail.invalid",
            "{0} entries are not valid; nothing was imported. Correct the entries listed and send the whole import again.");
    static final Template KEY_TOO_LONG = new Template("import.detail.keyTooLong",
            "The Idempotency-Key may have at most {0} characters; nothing was imported.");
    static final Template EMPTY = new Template("import.detail.empty", "The import holds no entries; nothing was imported.");
    static final Template TOO_MANY = new Template("import.detail.tooMany",
            "The import holds {0} entries; at most {1} are accepted per request. Split it; nothing was imported.");
    static final Template CSV_NO_HEADER = new Template("import.detail.csvNoHeader",
            "The CSV has no header row. The first row must name the columns: {0}.");
    static final Template CSV_HEADER = new Template("import.detail.csvHeader",
            "The CSV header row is not valid; nothing was imported.");
    static final Template CSV_UNREADABLE = new Template("import.detail.csvUnreadable",
            "The CSV cannot be read: {0}. Check the quoting: a value containing commas, quotes or line breaks must be"
                    + " enclosed in double quotes, and a quote inside it written twice (\"\").");
    static final Template CSV_ROWS = new Template("import.detail.csvRows",
            "{0} rows of the CSV cannot be read; nothing was imported.");
    static final Template YAML_AT = new Template("import.detail.yamlAt",
            "The publiccode.yml is not valid YAML: {0} at line {1}, column {2}.");
    static final Template YAML = new Template("import.detail.yaml", "The publiccode.yml is not valid YAML: {0}.");
    static final Template NOT_PUBLICCODE = new Template("import.detail.notPubliccode",
            "The body is not a publiccode.yml document: expected a YAML mapping with keys such as"
                    + " publiccodeYmlVersion, name, url and description.");
    static final Template PUBLICCODE_KEYS = new Template("import.detail.publiccodeKeys",
            "The publiccode.yml lacks required keys or has keys of the wrong type; nothing was imported.");
    static final Template PUBLICCODE_TYPES = new Template("import.detail.publiccodeTypes",
            "The publiccode.yml has keys of the wrong type; nothing was imported.");
    public static final Template NOT_JSON = new Template("import.detail.notJson",
            "The file is not a JSON array of catalogue entries; nothing was imported.");
    public static final Template NO_ENTRIES = new Template("import.detail.noEntries",
            "The file holds no entries; nothing was imported.");
    public static final Template REFUSED = new Template("import.detail.refused", "The import was refused; nothing was imported.");

    /** The reason as a refusal of the entry with this id (null: an entry without an id, the reason alone). */
    static String ofEntry(String id, String reason) {
        return id == null ? reason : ENTRY.fill(id, reason);
    }

    /**
     * The key and arguments of an import's text: a refusal of one entry as such (its reason is read
     * back in turn), else the most specific of the other texts.
     */
    public static Optional<RuleText> parse(String text) {
        Optional<RuleText> entry = text == null ? Optional.empty() : ENTRY.match(text);
        return entry.isPresent() ? entry : RuleText.parse(text, TEXTS);
    }

    /** Every text of an import's refusals, for reading one back. */
    public static final List<Template> TEXTS = List.of(ENTRY, DUPLICATE_ID, ID_CONTROL, ID_QUOTE, REQUIRED, TOO_LONG,
            KIND_MISSING, KIND_UNKNOWN, STATUS_UNKNOWN, LANGUAGE, TOO_MANY_FUNCTIONS, BUDGET_NOT_NUMBER, BUDGET_NEGATIVE,
            BUDGET_DECIMALS, BUDGET_TOO_LARGE, FOREIGN, UNKNOWN_COLUMN, COLUMN_TWICE, COLUMN_MISSING, ROW_WIDTH,
            VERSION_MISSING, VERSION_UNSUPPORTED, DESCRIPTION_MISSING, URL_MISSING, URL_TOO_LONG, DESCRIPTION_NOT_MAPPING,
            TEXT_NOT_MAPPING, TEXT_NOT_LIST, ITEM_NOT_TEXT, NOT_MAPPING, ONE_INVALID, INVALID, KEY_TOO_LONG, EMPTY,
            TOO_MANY, CSV_NO_HEADER, CSV_HEADER, CSV_UNREADABLE, CSV_ROWS, YAML_AT, YAML, NOT_PUBLICCODE,
            PUBLICCODE_KEYS, PUBLICCODE_TYPES, NOT_JSON, NO_ENTRIES, REFUSED);
}
