package org.preconsult.adoption.model;

/** What became of a request to change an adoption at this node. */
public sealed interface Outcome permits Outcome.Done, Outcome.Invalid, Outcome.NotFound, Outcome.Refused {

    /** Done and sent on its way; {@code adoption} as it stands now. */
    record Done(Adoption adoption) implements Outcome {
    }

    /** A field is wrong; nothing was stored. */
    record Invalid(String field, String message) implements Outcome {
    }

    /** No such adoption or catalogue entry here. */
    record NotFound(String what, String id) implements Outcome {
    }

    /** Allowed to nobody in this state, or not to this node (a conflict). */
    record Refused(String reason) implements Outcome {
    }
}
