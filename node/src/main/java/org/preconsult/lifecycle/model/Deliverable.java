package org.preconsult.lifecycle.model;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The metadata of a document a project delivers (the document itself stays at its owner): its
 * kind, title, date, size and SHA-256 checksum, and optionally where it can be read.
 */
public record Deliverable(Kind kind, String title, LocalDate deliveredOn, long sizeBytes, String checksum, String link) {

    /** The documents the practice expects of a project. */
    public enum Kind { REQUEST_FOR_PROPOSAL, EXECUTION_PLAN, FINAL_REPORT, USER_MANUAL }

    public static final int MAX_TITLE = 500;
    public static final int MAX_LINK = 1000;
    public static final long MAX_SIZE = 1L << 40;
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public Deliverable {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(deliveredOn, "deliveredOn");
        Objects.requireNonNull(checksum, "checksum");
    }

    /**
     * What a plan in the stage is expected to have delivered: a started project its request for
     * proposal and execution plan, a completed one also its final report and user manual.
     */
    public static Set<Kind> expected(Stage stage) {
        return switch (stage) {
            case IN_PROGRESS -> EnumSet.of(Kind.REQUEST_FOR_PROPOSAL, Kind.EXECUTION_PLAN);
            case COMPLETED -> EnumSet.allOf(Kind.class);
            default -> EnumSet.noneOf(Kind.class);
        };
    }

    /** Why the metadata cannot be recorded, if it cannot. */
    public static Optional<Transition.Invalid> invalid(String title, LocalDate deliveredOn, LocalDate today, long sizeBytes,
                                                       String checksum,
                                   String link) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            return Optional.of(new Transition.Invalid("title", "a title of 1 to " + MAX_TITLE + " characters is required"));
        }
        if (deliveredOn == null || deliveredOn.isAfter(today)) {
            return Optional.of(new Transition.Invalid("deliveredOn",
                    "the date it was delivered, on or before today (" + today + "), is required"));
        }
        if (sizeBytes < 0 || sizeBytes > MAX_SIZE) {
            return Optional.of(new Transition.Invalid("sizeBytes", "the size in bytes, from 0 to " + MAX_SIZE));
        }
        if (checksum == null || !SHA_256.matcher(checksum).matches()) {
            return Optional.of(new Transition.Invalid("checksum",
                    "the SHA-256 of the document as 64 lower-case hexadecimal digits"));
        }
        if (link != null && (link.length() > MAX_LINK || !(link.startsWith("https://") || link.startsWith("http://")))) {
            return Optional.of(new Transition.Invalid("link", "an http or https address of at most " + MAX_LINK + " characters"));
        }
        return Optional.empty();
    }
}
