package org.preconsult.catalogue.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import java.util.ArrayList;
import java.util.List;
import org.preconsult.catalogue.importing.CsvEntries;
import org.preconsult.catalogue.importing.EntryDraft;
import org.preconsult.catalogue.importing.ImportOutcome;
import org.preconsult.catalogue.importing.ImportViolation;
import org.preconsult.catalogue.importing.ImportingCatalogue;
import org.preconsult.catalogue.importing.PublicCodeEntries;
import org.preconsult.catalogue.importing.ReadResult;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;

/**
 * Operator imports into this node's catalogue: JSON arrays and CSV on one path (told apart by
 * Content-Type), publiccode.yml documents on another. Every format is read into drafts and handed
 * to the one importer, so validation and all-or-nothing writing are the same for all.
 */
@Controller("/api/v1/catalogue")
@Secured(Role.OPERATOR_)
class CatalogueImportController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TEXT_CSV = "text/csv";
    static final String APPLICATION_YAML = "application/yaml";
    static final String APPLICATION_X_YAML = "application/x-yaml";
    static final String TEXT_YAML = "text/yaml";

    private final ImportingCatalogue importing;

    CatalogueImportController(ImportingCatalogue importing) {
        this.importing = importing;
    }

    /** Imports a JSON array of entries; by id, so posting the same array again changes nothing. */
    @Post(uri = "/entries", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    ImportSummary importJson(@Body List<EntryImportItem> entries, @Nullable @Header(IDEMPOTENCY_KEY) String key) {
        List<EntryDraft> drafts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            drafts.add(EntryImportItem.toDraft(entries.get(i), i));
        }
        return importDrafts(drafts, key);
    }

    /** Imports CSV with a header row of the JSON field names; functions separated by ';'. */
    @Post(uri = "/entries", consumes = TEXT_CSV, produces = MediaType.APPLICATION_JSON)
    ImportSummary importCsv(@Body String csv, @Nullable @Header(IDEMPOTENCY_KEY) String key) {
        return importRead(CsvEntries.read(csv), key);
    }

    /** Imports one publiccode.yml document as an existing system; {@code id} replaces its url as id. */
    @Post(uri = "/publiccode", consumes = {APPLICATION_YAML, APPLICATION_X_YAML, TEXT_YAML, MediaType.TEXT_PLAIN},
            produces = MediaType.APPLICATION_JSON)
    ImportSummary importPublicCode(@Body String yaml, @Nullable @QueryValue String id,
            @Nullable @Header(IDEMPOTENCY_KEY) String key) {
        return importRead(PublicCodeEntries.read(yaml, id), key);
    }

    private ImportSummary importRead(ReadResult read, String key) {
        if (read instanceof ReadResult.Unreadable unreadable) {
            throw ProblemException.invalid(unreadable.detail(), fieldErrors(unreadable.violations()));
        }
        return importDrafts(((ReadResult.Drafts) read).drafts(), key);
    }

    private ImportSummary importDrafts(List<EntryDraft> drafts, String key) {
        var outcome = importing.importEntries(drafts, key);
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            throw ProblemException.invalid(rejected.detail(), fieldErrors(rejected.violations()));
        }
        if (outcome instanceof ImportOutcome.KeyReused reused) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "The Idempotency-Key '" + reused.key()
                    + "' was already used for an import of other content; nothing was imported. Use a new key for new content.");
        }
        return ImportSummary.from((ImportOutcome.Imported) outcome);
    }

    private static List<Problem.FieldError> fieldErrors(List<ImportViolation> violations) {
        return violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
    }
}
