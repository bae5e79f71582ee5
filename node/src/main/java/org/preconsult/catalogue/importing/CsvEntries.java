package org.preconsult.catalogue.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads catalogue entries from CSV (RFC 4180, UTF-8): a header row with the JSON field names, one
 * entry per row, {@code functions} separated by {@code ;}.
 *
 * <p>Rows are numbered as a spreadsheet shows them: the header is row 1, the first entry row 2.
 * A value spanning several lines (quoted line breaks) is still one row; blank lines are skipped and
 * not counted.
 */
public final class CsvEntries {

    static final List<String> COLUMNS = List.of("id", "kind", "owner", "name", "description", "functions",
            "functionCode", "language", "status", "budget");
    private static final Set<String> REQUIRED_COLUMNS = Set.of("id", "kind", "name");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .build();

    private CsvEntries() {
    }

    /** Reads every row; an unreadable header or row makes the whole document unreadable. */
    public static ReadResult read(String text) {
        // Spreadsheets often save UTF-8 with a byte order mark; it is not part of the first column name.
        String csv = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
            if (parser.getHeaderNames().isEmpty()) {
                return new ReadResult.Unreadable(ImportTexts.CSV_NO_HEADER.fill(String.join(",", COLUMNS)), List.of());
            }
            List<ImportViolation> headerViolations = new ArrayList<>();
            Map<String, String> columns = columns(parser.getHeaderNames(), headerViolations);
            if (!headerViolations.isEmpty()) {
                return new ReadResult.Unreadable(ImportTexts.CSV_HEADER.fill(), headerViolations);
            }
            return rows(parser, columns);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return new ReadResult.Unreadable(ImportTexts.CSV_UNREADABLE.fill(rootMessage(e)), List.of());
        }
    }

    /** The header's columns keyed by the field each names; unknown, repeated or missing columns are violations. */
    private static Map<String, String> columns(List<String> header, List<ImportViolation> violations) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (String column : header) {
            String field = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(column.strip())).findFirst().orElse(null);
            if (field == null) {
                violations.add(ImportViolation.of("row 1", column,
                        ImportTexts.UNKNOWN_COLUMN.fill(column, String.join(", ", COLUMNS))));
            } else if (byField.putIfAbsent(field, column) != null) {
                violations.add(ImportViolation.of("row 1", column, ImportTexts.COLUMN_TWICE.fill(field)));
            }
        }
        for (String required : COLUMNS) {
            if (REQUIRED_COLUMNS.contains(required) && !byField.containsKey(required)) {
                violations.add(ImportViolation.of("row 1", required, ImportTexts.COLUMN_MISSING.fill(required)));
            }
        }
        return byField;
    }

    private static ReadResult rows(CSVParser parser, Map<String, String> columns) {
        List<EntryDraft> drafts = new ArrayList<>();
        List<ImportViolation> violations = new ArrayList<>();
        int width = parser.getHeaderNames().size();
        for (CSVRecord record : parser) {
            // Record numbers start at 1 with the first row after the header: the header is row 1.
            String label = "row " + (record.getRecordNumber() + 1);
            if (!record.isConsistent()) {
                violations.add(new ImportViolation(label, label, ImportTexts.ROW_WIDTH.fill(record.size(), width)));
                continue;
            }
            drafts.add(EntryDraft.plain(label, value(record, columns, "id"), value(record, columns, "kind"),
                    value(record, columns, "owner"), value(record, columns, "name"),
                    value(record, columns, "description"), functions(value(record, columns, "functions")),
                    value(record, columns, "functionCode"), value(record, columns, "language"),
                    value(record, columns, "status"), value(record, columns, "budget")));
        }
        if (!violations.isEmpty()) {
            return new ReadResult.Unreadable(ImportTexts.CSV_ROWS.fill(violations.size()), violations);
        }
        return new ReadResult.Drafts(drafts);
    }

    private static String value(CSVRecord record, Map<String, String> columns, String field) {
        String column = columns.get(field);
        return column == null ? null : record.get(column);
    }

    private static List<String> functions(String cell) {
        return cell == null ? List.of() : Arrays.asList(cell.split(";"));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
