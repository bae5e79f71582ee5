package org.preconsult.catalogue.model;

/**
 * Lifecycle status of a catalogue entry. Only {@link #isCandidate() candidate} entries take part in
 * redundancy checks: a cancelled, retired, returned or deferred entry must stop counting at once,
 * and a completed plan counts through the existing system it became (registered under its own
 * entry), not a second time as a plan.
 */
public enum EntryStatus {
    ACTIVE,
    PLANNED,
    OPERATING,
    APPROVED,
    IN_PROGRESS,
    COMPLETED,
    DEFERRED,
    RETURNED,
    CANCELLED,
    RETIRED;

    /** True when an entry with this status may be proposed as a duplicate. */
    public boolean isCandidate() {
        return switch (this) {
            case DEFERRED, RETURNED, CANCELLED, RETIRED, COMPLETED -> false;
            default -> true;
        };
    }
}
