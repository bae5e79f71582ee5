package org.preconsult.decision.model;

import java.time.LocalDate;

/**
 * An obligation that a conditional approval places on the applicant, e.g. "assess adoption of
 * system X of government Y before procurement". {@code entryId} names the catalogue entry it is
 * about, when there is one.
 */
public record Condition(String id, String text, LocalDate dueDate, String entryId) {
}
