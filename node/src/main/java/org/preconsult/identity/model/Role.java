package org.preconsult.identity.model;

/** What a user may do at a node. Endpoints name the roles they allow with these constants. */
public enum Role {
    /** Business department: drafts plans. */
    SUBMITTER,
    /** IT department: registers systems and submits plans on behalf of its government. */
    COORDINATOR,
    /** Reviews cases and records decisions. */
    REVIEWER,
    /** Administers the node: users, catalogue imports, settings. */
    OPERATOR,
    /** Reads everything, including the audit log; changes nothing. */
    AUDITOR;

    // The same names as compile-time strings, for @Secured annotations (which cannot take an enum
    // constant's name): Role.SUBMITTER_ is the string "SUBMITTER".
    public static final String SUBMITTER_ = "SUBMITTER";
    public static final String COORDINATOR_ = "COORDINATOR";
    public static final String REVIEWER_ = "REVIEWER";
    public static final String OPERATOR_ = "OPERATOR";
    public static final String AUDITOR_ = "AUDITOR";
}
