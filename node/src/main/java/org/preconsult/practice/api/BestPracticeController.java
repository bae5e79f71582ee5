package org.preconsult.practice.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.practice.application.BestPractices;
import org.preconsult.practice.model.BestPracticeMark;
import org.preconsult.practice.model.Marking;

/**
 * Best practice: a reviewer or operator of a province or central marks catalogue entries (the mark
 * travels down to its subtree); every role browses the marked entries, most marked first.
 */
@Controller("/api/v1/best-practices")
@ExecuteOn(TaskExecutors.BLOCKING)
class BestPracticeController {

    private final BestPractices practices;

    BestPracticeController(BestPractices practices) {
        this.practices = practices;
    }

    @Serdeable
    record MarkRequest(@NotBlank @Size(max = BestPracticeMark.MAX_REASON) String reason) {
    }

    @Serdeable
    record MarkView(String entryId, String markingNode, String markingName, String reason, Instant markedAt,
                    boolean withdrawn) {
        static MarkView of(BestPracticeMark m) {
            return new MarkView(m.entryId(), m.markingNode(), m.markingName(), m.reason(), m.markedAt(), m.withdrawn());
        }
    }

    @Serdeable
    record MarkedEntryView(String entryId, String kind, String name, String owner, String description, String status,
                           List<MarkView> marks) {
    }

    @Serdeable
    record MarkedEntries(List<MarkedEntryView> entries) {
    }

    @Get
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    MarkedEntries list(@Nullable @QueryValue @Size(max = 200) String text) {
        return new MarkedEntries(practices.marked(text).stream().map(m -> new MarkedEntryView(m.entry().id(),
                m.entry().kind().name(), m.entry().name(), m.entry().owner(), m.entry().description(),
                m.entry().status().name(), m.marks().stream().map(MarkView::of).toList())).toList());
    }

    @Put("/{+entryId}")
    @Secured({Role.REVIEWER_, Role.OPERATOR_})
    MarkView mark(@PathVariable String entryId, @Body @Valid MarkRequest request) {
        return answer(practices.mark(entryId, request.reason()));
    }

    @Delete("/{+entryId}")
    @Secured({Role.REVIEWER_, Role.OPERATOR_})
    MarkView withdraw(@PathVariable String entryId) {
        return answer(practices.withdraw(entryId));
    }

    private static MarkView answer(Marking.Result result) {
        if (result instanceof Marking.Marked m) {
            return MarkView.of(m.mark());
        }
        if (result instanceof Marking.Invalid i) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The mark was not recorded: " + i.field() + " " + i.message() + ".",
                    List.of(new Problem.FieldError(i.field(), i.message())));
        }
        if (result instanceof Marking.NotAllowed n) {
            throw ProblemException.conflict(n.message());
        }
        throw ProblemException.notFound("Catalogue entry", ((Marking.NoSuchEntry) result).entryId());
    }
}
