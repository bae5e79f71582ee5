package org.preconsult.trust.model;

import java.util.List;

/** The outcome of a child's request to enrol: its certificate chain, or why it was refused. */
public sealed interface Enrolment {

    /** The child's certificate followed by its issuers up to the root, DER-encoded, leaf first. */
    record Enrolled(NodeIdentity identity, List<byte[]> chain) implements Enrolment {
    }

    record Refused(String reason) implements Enrolment {
    }
}
