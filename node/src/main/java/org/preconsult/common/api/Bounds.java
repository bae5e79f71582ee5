package org.preconsult.common.api;

/**
 * The declared bound of every value the API accepts: text lengths, list sizes, money and dates.
 * Request records name these constants in their constraints, and {@code DeclaredBoundsTest}
 * compares each text bound with the length of the column that stores it, so validation and schema
 * cannot drift apart: whatever passes validation fits the database.
 */
public final class Bounds {

    private Bounds() {
    }

    /** Titles of plans, names of systems and entries as this node writes them ({@code VARCHAR(500)}). */
    public static final int TITLE = 500;
    /** Free text stored as {@code TEXT}: purposes, descriptions, internal notes. */
    public static final int LONG_TEXT = 20_000;
    /** One function of a plan or system. */
    public static final int FUNCTION = 500;
    /** How many functions one plan or system may list. */
    public static final int FUNCTIONS = 100;
    public static final int FUNCTION_CODE = 50;
    public static final int PLATFORM = 500;
    /** A BCP 47 language tag. */
    public static final int LANGUAGE = 20;
    /** Departments, contact persons, owners: names of people and bodies. */
    public static final int NAME = 300;
    public static final int USERNAME = 100;
    public static final int DISPLAY_NAME = 200;
    /** Passwords are hashed, not stored; the bound only keeps hashing cheap. */
    public static final int PASSWORD = 1_000;
    /** Reasons, condition texts, override and waiver reasons. */
    public static final int REASON = 2_000;
    /** How many reasons or conditions one decision may carry. */
    public static final int REASONS = 50;
    /** Evidence of a fulfilled condition. */
    public static final int EVIDENCE = 4_000;
    /** Catalogue entry ids (publiccode.yml imports use URLs). */
    public static final int ENTRY_ID = 200;
    /** An {@code Idempotency-Key} header; stored with a scope prefix in {@code VARCHAR(400)}. */
    public static final int IDEMPOTENCY_KEY = 200;
    /** Path ids of plans, systems, cases, conditions ({@code VARCHAR(64)}). */
    public static final int ID = 64;

    /** Money fits {@code NUMERIC(19, 2)}: 17 digits before the point, 2 after. */
    public static final int MONEY_INTEGER_DIGITS = 17;
    public static final int MONEY_FRACTION_DIGITS = 2;

    /** Planned dates and due dates lie within these years. */
    public static final int EARLIEST_YEAR = 2000;
    public static final int LATEST_YEAR = 2100;
}
