package org.preconsult.lifecycle.model;

import java.time.Instant;
import java.time.LocalDate;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryStatus;

/**
 * The rules of a plan's life after its decision, as named functions. Each takes the plan's record,
 * the request and "today" at the owner, and returns the {@link Transition}.
 *
 * <ul>
 *   <li>kickoff: an approved plan starts (IN_PROGRESS) on a date that is not in the future;</li>
 *   <li>completion: an approved or started plan goes live (COMPLETED) on a date not in the future
 *       and not before its kickoff; it becomes an existing system of its government;</li>
 *   <li>cancellation: an approved or started plan is given up (CANCELLED) with a reason.</li>
 * </ul>
 *
 * The catalogue entry changes with each: IN_PROGRESS keeps counting in redundancy checks,
 * COMPLETED hands over to the existing system it became, CANCELLED is a tombstone.
 */
public final class Lifecycle {

    /** Longest cancellation reason kept (the column's size). */
    public static final int MAX_REASON = 2000;

    private Lifecycle() {
    }

    /**
     * The plan's project started on {@code kickoff}.
     *
     * @param entryOf builds the plan's catalogue entry with the given status and version
     */
    public static Transition kickoff(PlanRecord r, LocalDate kickoff, LocalDate today, Instant at,
                                     EntryBuilder entryOf, long entryVersion) {
        if (kickoff == null) {
            return new Transition.Invalid("kickoffOn", "the date the project started is required");
        }
        if (kickoff.isAfter(today)) {
            return new Transition.Invalid("kickoffOn", "a project in progress started on or before today (" + today + ")");
        }
        if (!r.stage().isApproved()) {
            return new Transition.NotAllowed(notAllowed(r, "start", "approved"));
        }
        return changed(r.changed(Stage.IN_PROGRESS, kickoff, null, null, null, at,
                entryOf.entry(EntryStatus.IN_PROGRESS, entryVersion)));
    }

    /** The plan's system went live on {@code goLive} and is registered as the existing system {@code systemId}. */
    public static Transition completion(PlanRecord r, LocalDate goLive, LocalDate today, Instant at, String systemId,
                                        EntryBuilder entryOf, long entryVersion) {
        if (goLive == null) {
            return new Transition.Invalid("goLiveOn", "the date the system went live is required");
        }
        if (goLive.isAfter(today)) {
            return new Transition.Invalid("goLiveOn", "a completed system went live on or before today (" + today + ")");
        }
        if (r.kickoffOn() != null && goLive.isBefore(r.kickoffOn())) {
            return new Transition.Invalid("goLiveOn", "the system cannot go live before the project started ("
                    + r.kickoffOn() + ")");
        }
        if (!r.stage().expectsUpdates()) {
            return new Transition.NotAllowed(notAllowed(r, "complete", "approved or in progress"));
        }
        return changed(r.changed(Stage.COMPLETED, r.kickoffOn(), goLive, null, systemId, at,
                entryOf.entry(EntryStatus.COMPLETED, entryVersion)));
    }

    /** The plan was given up for {@code reason}. */
    public static Transition cancellation(PlanRecord r, String reason, Instant at, EntryBuilder entryOf,
                                          long entryVersion) {
        if (reason == null || reason.isBlank()) {
            return new Transition.Invalid("reason", "say why the plan is cancelled");
        }
        if (reason.length() > MAX_REASON) {
            return new Transition.Invalid("reason", "at most " + MAX_REASON + " characters");
        }
        if (!r.stage().expectsUpdates()) {
            return new Transition.NotAllowed(notAllowed(r, "cancel", "approved or in progress"));
        }
        return changed(r.changed(Stage.CANCELLED, r.kickoffOn(), null, reason.strip(), null, at,
                entryOf.entry(EntryStatus.CANCELLED, entryVersion)));
    }

    /** Records a deliverable's metadata on a plan that is approved, started or completed. */
    public static Transition delivery(PlanRecord r, Deliverable.Kind kind, String title, LocalDate deliveredOn,
                                      LocalDate today, long sizeBytes, String checksum, String link, Instant at) {
        if (kind == null) {
            return new Transition.Invalid("kind", "one of " + java.util.Arrays.toString(Deliverable.Kind.values()));
        }
        var invalid = Deliverable.invalid(title, deliveredOn, today, sizeBytes, checksum, link);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (!r.stage().expectsUpdates() && r.stage() != Stage.COMPLETED) {
            return new Transition.NotAllowed(notAllowed(r, "record deliverables", "approved, in progress or completed"));
        }
        return changed(r.delivered(new Deliverable(kind, title.strip(), deliveredOn, sizeBytes, checksum, link), at));
    }

    private static Transition changed(PlanRecord next) {
        return new Transition.Changed(next);
    }

    private static String notAllowed(PlanRecord r, String verb, String required) {
        return "The plan is " + r.stage() + "; only a plan that is " + required + " can " + verb + ".";
    }

    /** Builds the plan's catalogue entry with a status and version. */
    @FunctionalInterface
    public interface EntryBuilder {
        CatalogueEntry entry(EntryStatus status, long version);
    }
}
