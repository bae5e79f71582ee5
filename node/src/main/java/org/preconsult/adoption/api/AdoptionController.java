package org.preconsult.adoption.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.preconsult.adoption.application.Adoptions;
import org.preconsult.adoption.model.Adoption;
import org.preconsult.federation.model.AdoptionBounds;
import org.preconsult.adoption.model.ChangeNotice;
import org.preconsult.adoption.model.Outcome;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;

/**
 * Adoptions between governments: a coordinator of the adopter requests to adopt another government's
 * catalogue entry; a coordinator or operator of the owner accepts or declines it; either side's
 * coordinator records a change notice (notices are also sent by themselves when the original or the
 * copy changes); coordinators, operators and auditors read requests and notices.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class AdoptionController {

    private final Adoptions adoptions;

    AdoptionController(Adoptions adoptions) {
        this.adoptions = adoptions;
    }

    @Serdeable
    record AdoptionRequest(@NotBlank @Size(max = AdoptionBounds.ENTRY_ID) String entryId,
                           @Nullable @Size(min = 1, max = AdoptionBounds.ENTRY_ID) String copyEntryId,
                           @Nullable @Size(max = AdoptionBounds.TEXT) String motivation) {
    }

    @Serdeable
    record Acceptance(@Nullable @Size(max = AdoptionBounds.TEXT) String reason) {
    }

    @Serdeable
    record Declining(@NotBlank @Size(max = AdoptionBounds.TEXT) String reason) {
    }

    @Serdeable
    record NoticeRequest(@NotBlank @Size(max = AdoptionBounds.TEXT) String text) {
    }

    @Serdeable
    record NoticeView(String messageId, String adoptionId, String fromNode, String toNode, @Nullable String changedEntryId,
                      long changedVersion, @Nullable String changedStatus, @Nullable String text, Instant sentAt,
                      Instant recordedAt) {
        static NoticeView of(ChangeNotice n) {
            return new NoticeView(n.messageId(), n.adoptionId(), n.fromNode(), n.toNode(), n.changedEntryId(),
                    n.changedVersion(), n.changedStatus(), n.text(), n.sentAt(), n.recordedAt());
        }
    }

    @Serdeable
    record AdoptionView(String id, String direction, String entryId, @Nullable String entryName, String ownerNode,
                        @Nullable String ownerName, String adopterNode, @Nullable String adopterName,
                        @Nullable String copyEntryId, String state, @Nullable String motivation,
                        @Nullable String answerReason, Instant requestedAt, @Nullable String requestedBy,
                        @Nullable Instant answeredAt, @Nullable String answeredBy, List<NoticeView> notices) {
    }

    @Serdeable
    record AdoptionList(List<AdoptionView> items) {
    }

    @Serdeable
    record NoticeList(List<NoticeView> items) {
    }

    @Post("/adoptions")
    @Status(HttpStatus.CREATED)
    @Secured(Role.COORDINATOR_)
    AdoptionView request(@Body @Valid AdoptionRequest request) {
        return answer(adoptions.request(request.entryId(), request.copyEntryId(), request.motivation()), List.of());
    }

    @Get("/adoptions")
    @Secured({Role.COORDINATOR_, Role.OPERATOR_, Role.AUDITOR_})
    AdoptionList list(@Nullable @QueryValue @Pattern(regexp = "incoming|outgoing") String direction) {
        List<Adoption> found = new java.util.ArrayList<>();
        if (direction == null || direction.equals("incoming")) {
            found.addAll(adoptions.list(true));
        }
        if (direction == null || direction.equals("outgoing")) {
            found.addAll(adoptions.list(false));
        }
        return new AdoptionList(found.stream().map(a -> view(a, List.of())).toList());
    }

    @Get("/adoptions/{id}")
    @Secured({Role.COORDINATOR_, Role.OPERATOR_, Role.AUDITOR_})
    AdoptionView get(@PathVariable @Size(max = AdoptionBounds.ID) String id) {
        var adoption = adoptions.get(id).orElseThrow(() -> ProblemException.notFound("Adoption", id));
        return view(adoption, adoptions.notices(id));
    }

    @Post("/adoptions/{id}/acceptance")
    @Secured({Role.COORDINATOR_, Role.OPERATOR_})
    AdoptionView accept(@PathVariable @Size(max = AdoptionBounds.ID) String id, @Body @Valid Acceptance acceptance) {
        return answer(adoptions.answer(id, true, acceptance.reason()), adoptions.notices(id));
    }

    @Post("/adoptions/{id}/decline")
    @Secured({Role.COORDINATOR_, Role.OPERATOR_})
    AdoptionView decline(@PathVariable @Size(max = AdoptionBounds.ID) String id, @Body @Valid Declining declining) {
        return answer(adoptions.answer(id, false, declining.reason()), adoptions.notices(id));
    }

    @Post("/adoptions/{id}/notices")
    @Status(HttpStatus.CREATED)
    @Secured(Role.COORDINATOR_)
    AdoptionView notice(@PathVariable @Size(max = AdoptionBounds.ID) String id, @Body @Valid NoticeRequest request) {
        var outcome = adoptions.notice(id, request.text());
        return answer(outcome, adoptions.notices(id));
    }

    @Get("/adoption-notices")
    @Secured({Role.COORDINATOR_, Role.OPERATOR_, Role.AUDITOR_})
    NoticeList received() {
        return new NoticeList(adoptions.received().stream().map(NoticeView::of).toList());
    }

    private AdoptionView answer(Outcome outcome, List<ChangeNotice> notices) {
        if (outcome instanceof Outcome.Done done) {
            return view(done.adoption(), notices.isEmpty() ? adoptions.notices(done.adoption().id()) : notices);
        }
        if (outcome instanceof Outcome.Invalid invalid) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Nothing was recorded: " + invalid.field() + " "
                    + invalid.message() + ".", List.of(new Problem.FieldError(invalid.field(), invalid.message())));
        }
        if (outcome instanceof Outcome.NotFound missing) {
            throw ProblemException.notFound(missing.what(), missing.id());
        }
        throw ProblemException.conflict(((Outcome.Refused) outcome).reason());
    }

    private AdoptionView view(Adoption a, List<ChangeNotice> notices) {
        String direction = a.ownerNode().equals(adoptions.nodeId()) ? "incoming" : "outgoing";
        return new AdoptionView(a.id(), direction, a.entryId(), a.entryName(), a.ownerNode(), a.ownerName(),
                a.adopterNode(), a.adopterName(), a.copyEntryId(), a.state().name(), a.motivation(), a.answerReason(),
                a.requestedAt(), a.requestedBy(), a.answeredAt(), a.answeredBy(),
                notices.stream().map(NoticeView::of).toList());
    }
}
