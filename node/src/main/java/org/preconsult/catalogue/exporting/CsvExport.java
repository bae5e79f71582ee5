package org.preconsult.catalogue.exporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.preconsult.catalogue.model.CatalogueEntry;

/**
 * Writes catalogue entries as the CSV the catalogue import reads (RFC 4180, UTF-8, the JSON field
 * names as header, {@code functions} joined by {@code ;}, an absent value as an empty cell), so an
 * export imported at another node gives the same entries. A function that itself contains a
 * {@code ;} comes back split in two: the import format has no escape for it.
 */
public final class CsvExport {

    /** The columns, in the import's order. */
    public static final List<String> COLUMNS = List.of("id", "kind", "owner", "name", "description", "functions",
            "functionCode", "language", "status", "budget");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).build();

    private CsvExport() {
    }

    public static String write(List<CatalogueEntry> entries) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, FORMAT)) {
            for (var e : entries) {
                printer.printRecord(e.id(), e.kind().name(), text(e.owner()), e.name(), e.description(),
                        String.join(";", e.functions()), text(e.functionCode()), text(e.language()), e.status().name(),
                        e.budget() == null ? "" : e.budget().stripTrailingZeros().toPlainString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
