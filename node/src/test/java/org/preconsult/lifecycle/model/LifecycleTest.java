package org.preconsult.lifecycle.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryKind;
import org.preconsult.catalogue.model.EntryStatus;

/** The rules of a plan's life after its decision. */
class LifecycleTest {

    static final Instant AT = Instant.parse("2027-05-02T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2027, 5, 2);
    static final Lifecycle.EntryBuilder ENTRY = (status, version) -> new CatalogueEntry("city-a:plan:p1",
            EntryKind.PLAN, "City A", "Plan", null, null, null, "en", status, null, "city-a", version, AT);

    static PlanRecord approved() {
        var line = new PlanRecord.DecisionLine(1, "UNCONDITIONAL_APPROVAL", null, Instant.parse("2027-04-01T00:00:00Z"),
                Instant.parse("2027-04-20T00:00:00Z"), "prov-north");
        return PlanRecord.first("p1", "city-a", "City A", "Plan", null, AT).decided(line, List.of(), Stage.APPROVED, AT);
    }

    static PlanRecord changed(Transition t) {
        return assertInstanceOf(Transition.Changed.class, t).record();
    }

    @Test
    void kickoff_putsAnApprovedPlanInProgress_andItsEntryKeepsCounting() {
        var next = changed(Lifecycle.kickoff(approved(), TODAY.minusDays(1), TODAY, AT, ENTRY, 2));
        assertEquals(Stage.IN_PROGRESS, next.stage());
        assertEquals(EntryStatus.IN_PROGRESS, next.entry().status());
        assertTrue(next.entry().isCandidate());
        assertEquals(2, next.entry().version());
        assertFalse(next.lateRegistration());
    }

    @Test
    void kickoffBeforeTheSubmission_isALateRegistration() {
        assertTrue(changed(Lifecycle.kickoff(approved(), LocalDate.of(2027, 3, 31), TODAY, AT, ENTRY, 2)).lateRegistration());
    }

    @Test
    void completion_andCancellation_takeThePlanOutOfTheChecks() {
        var completed = changed(Lifecycle.completion(approved(), TODAY, TODAY, AT, "p1", ENTRY, 2));
        assertFalse(completed.entry().isCandidate());
        assertEquals("p1", completed.systemId());
        var cancelled = changed(Lifecycle.cancellation(approved(), " No budget. ", AT, ENTRY, 2));
        assertFalse(cancelled.entry().isCandidate());
        assertEquals("No budget.", cancelled.cancelReason());
    }

    @Test
    void datesInTheFuture_orBeforeTheKickoff_areInvalid() {
        assertInstanceOf(Transition.Invalid.class, Lifecycle.kickoff(approved(), TODAY.plusDays(1), TODAY, AT, ENTRY, 2));
        assertInstanceOf(Transition.Invalid.class, Lifecycle.kickoff(approved(), null, TODAY, AT, ENTRY, 2));
        var started = changed(Lifecycle.kickoff(approved(), TODAY.minusDays(10), TODAY, AT, ENTRY, 2));
        var early = Lifecycle.completion(started, TODAY.minusDays(11), TODAY, AT, "p1", ENTRY, 3);
        assertEquals("goLiveOn", assertInstanceOf(Transition.Invalid.class, early).field());
        assertInstanceOf(Transition.Invalid.class, Lifecycle.cancellation(approved(), "x".repeat(2001), AT, ENTRY, 2));
    }

    @Test
    void finishedPlans_andPlansNotApproved_cannotChange() {
        var cancelled = changed(Lifecycle.cancellation(approved(), "No budget.", AT, ENTRY, 2));
        assertInstanceOf(Transition.NotAllowed.class, Lifecycle.kickoff(cancelled, TODAY, TODAY, AT, ENTRY, 3));
        assertInstanceOf(Transition.NotAllowed.class, Lifecycle.completion(cancelled, TODAY, TODAY, AT, "p1", ENTRY, 3));
        var started = changed(Lifecycle.kickoff(approved(), TODAY, TODAY, AT, ENTRY, 2));
        assertInstanceOf(Transition.NotAllowed.class, Lifecycle.kickoff(started, TODAY, TODAY, AT, ENTRY, 3));
        var returned = PlanRecord.first("p2", "city-a", "City A", "Plan", null, AT);
        assertInstanceOf(Transition.NotAllowed.class, Lifecycle.cancellation(returned, "No.", AT, ENTRY, 1));
    }

    @Test
    void staleness_isMeasuredFromTheLastUpdate_onlyWhileUpdatesAreOwed() {
        var approved = approved();
        assertFalse(approved.staleAt(AT.plus(java.time.Duration.ofDays(179)), java.time.Duration.ofDays(180)));
        assertTrue(approved.staleAt(AT.plus(java.time.Duration.ofDays(180)), java.time.Duration.ofDays(180)));
        var completed = changed(Lifecycle.completion(approved, TODAY, TODAY, AT, "p1", ENTRY, 2));
        assertFalse(completed.staleAt(AT.plus(java.time.Duration.ofDays(400)), java.time.Duration.ofDays(180)));
    }

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void deliverables_expectedByStage_areMissingUntilRecorded_andRecordingOneIsAnUpdate() {
        var started = changed(Lifecycle.kickoff(approved(), TODAY, TODAY, AT, ENTRY, 2));
        assertEquals(java.util.EnumSet.of(Deliverable.Kind.REQUEST_FOR_PROPOSAL, Deliverable.Kind.EXECUTION_PLAN),
                started.missingDeliverables());
        var later = AT.plus(java.time.Duration.ofDays(200));
        var delivered = changed(Lifecycle.delivery(started, Deliverable.Kind.EXECUTION_PLAN, "Plan", TODAY, TODAY, 10, SHA,
                null, later));
        assertEquals(java.util.EnumSet.of(Deliverable.Kind.REQUEST_FOR_PROPOSAL), delivered.missingDeliverables());
        assertFalse(delivered.staleAt(later.plus(java.time.Duration.ofDays(1)), java.time.Duration.ofDays(180)));
        var completed = changed(Lifecycle.completion(delivered, TODAY, TODAY, AT, "p1", ENTRY, 3));
        assertEquals(3, completed.missingDeliverables().size());
        assertTrue(approved().missingDeliverables().isEmpty());
    }

    @Test
    void deliverables_ofACancelledPlan_orWithBadMetadata_areRefused() {
        var cancelled = changed(Lifecycle.cancellation(approved(), "No budget.", AT, ENTRY, 2));
        assertInstanceOf(Transition.NotAllowed.class, Lifecycle.delivery(cancelled, Deliverable.Kind.FINAL_REPORT, "Report",
                TODAY, TODAY, 1, SHA, null, AT));
        assertEquals("checksum", assertInstanceOf(Transition.Invalid.class, Lifecycle.delivery(approved(),
                Deliverable.Kind.FINAL_REPORT, "Report", TODAY, TODAY, 1, SHA.toUpperCase(), null, AT)).field());
        assertEquals("sizeBytes", assertInstanceOf(Transition.Invalid.class, Lifecycle.delivery(approved(),
                Deliverable.Kind.FINAL_REPORT, "Report", TODAY, TODAY, -1, SHA, null, AT)).field());
    }
}
