package org.preconsult.federation.model;

/** What an adoption message between two governments says. */
public enum MessageKind {
    /** The adopter asks the owner to adopt one of its catalogue entries. */
    REQUEST,
    /** The owner accepts a request: the adoption is complete at both. */
    ACCEPTED,
    /** The owner declines a request, with a reason. */
    DECLINED,
    /** The original (at the owner) or the adopter's customized copy changed. */
    CHANGE_NOTICE
}
