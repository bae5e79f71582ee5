package org.preconsult.redundancy.infrastructure;

import java.util.TreeSet;

/**
 * The highest change sequence at or below which every catalogue change is in the index. It
 * advances only over a contiguous run of applied changes: a change applied above a gap is
 * remembered until the gap closes. Not thread-safe; {@link CatalogueIndex} guards it with its lock.
 */
final class Watermark {

    private final TreeSet<Long> appliedAbove = new TreeSet<>();
    private long value;

    Watermark(long value) {
        this.value = value;
    }

    long value() {
        return value;
    }

    /** Records one applied change; the watermark moves up while the changes above it are contiguous. */
    void applied(long changeSeq) {
        if (changeSeq <= value) {
            return;
        }
        appliedAbove.add(changeSeq);
        while (!appliedAbove.isEmpty() && appliedAbove.first() == value + 1) {
            value = appliedAbove.pollFirst();
        }
    }

    /** Raises the watermark to {@code changeSeq} (never lowers it): every change up to it is known applied. */
    void raiseTo(long changeSeq) {
        value = Math.max(value, changeSeq);
        appliedAbove.headSet(value, true).clear();
    }

    /** Back to zero, for an index emptied to be rebuilt. */
    void reset() {
        value = 0;
        appliedAbove.clear();
    }
}
