package org.preconsult.lifecycle.model;

import java.time.LocalDate;
import org.preconsult.catalogue.model.EntryStatus;

/**
 * The rule for retiring an existing system: it must not be retired already, the date must not be
 * in the future, and a reason is required. A retired system is a tombstone in every catalogue.
 */
public sealed interface Retirement permits Retirement.Allowed, Retirement.Invalid, Retirement.NotAllowed,
        Retirement.NoSuchSystem {

    record Allowed(LocalDate retiredOn, String reason) implements Retirement {
    }

    record Invalid(String field, String message) implements Retirement {
    }

    record NotAllowed(String message) implements Retirement {
    }

    record NoSuchSystem(String systemId) implements Retirement {
    }

    static Retirement check(EntryStatus current, LocalDate retiredOn, LocalDate today, String reason) {
        if (retiredOn == null) {
            return new Invalid("retiredOn", "the date the system was retired is required");
        }
        if (retiredOn.isAfter(today)) {
            return new Invalid("retiredOn", "a retired system was retired on or before today (" + today + ")");
        }
        if (reason == null || reason.isBlank()) {
            return new Invalid("reason", "say why the system is retired");
        }
        if (reason.length() > Lifecycle.MAX_REASON) {
            return new Invalid("reason", "at most " + Lifecycle.MAX_REASON + " characters");
        }
        if (current == EntryStatus.RETIRED) {
            return new NotAllowed("The system is already retired.");
        }
        return new Allowed(retiredOn, reason.strip());
    }
}
