package org.preconsult.redundancy.api;

import io.micronaut.serde.annotation.Serdeable;
import org.preconsult.redundancy.application.IndexRebuilding;

/**
 * The outcome of an index rebuild.
 *
 * @param entriesIndexed entries a check can now match (active candidates)
 * @param entriesRead    catalogue rows read, including entries that are not candidates any more
 * @param durationMs     wall time of the rebuild in milliseconds
 */
@Serdeable
public record IndexRebuildResponse(int entriesIndexed, int entriesRead, long durationMs) {

    static IndexRebuildResponse from(IndexRebuilding.Rebuilt rebuilt) {
        return new IndexRebuildResponse(rebuilt.entriesIndexed(), rebuilt.entriesRead(), rebuilt.duration().toMillis());
    }
}
