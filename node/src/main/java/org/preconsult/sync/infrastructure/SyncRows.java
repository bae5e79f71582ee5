package org.preconsult.sync.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Rows of the replication tables. */
public final class SyncRows {

    private SyncRows() {
    }

    @MappedEntity("outbox")
    public record OutboxRow(@Id long position, String originNode, long originSeq, String bodyType, byte[] payload,
                            Instant createdAt, int attempts) {
    }

    @MappedEntity("feed")
    public record FeedRow(@Id long position, @Nullable String address, String bodyType, byte[] payload,
                          Instant createdAt) {
    }

    @MappedEntity("sync_cursor")
    public record CursorRow(@Id String name, long position, Instant updatedAt) {
    }

    @MappedEntity("sync_status")
    public record StatusRow(@Id String direction, Instant lastSuccessAt, @Nullable String lastError) {
    }

    @MappedEntity("subtree")
    public record SubtreeRow(@Id String nodeId, String viaChild, Instant firstSeen) {
    }

    @MappedEntity("published_key")
    public record PublishedKeyRow(@Id String keyId, Instant publishedAt) {
    }

    @MappedEntity("rejected_item")
    public record RejectedItemRow(@Id long id, String source, @Nullable Long position, @Nullable String bodyType,
                                  String reason, Instant rejectedAt) {
    }
}
