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
                            Instant createdAt, int attempts, @Nullable String subject) {
    }

    @MappedEntity("feed")
    public record FeedRow(@Id long position, @Nullable String address, String bodyType, byte[] payload,
                          Instant createdAt, @Nullable String digest, @Nullable String subject) {
    }

    @MappedEntity("sync_cursor")
    public record CursorRow(@Id String name, long position, Instant updatedAt, @Nullable String incarnation,
                            @Nullable String digest) {
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

    @MappedEntity("sync_conflict")
    public record ConflictRow(@Id long id, String kind, @Nullable String originNode, @Nullable Long originSeq,
                              String detail, Instant recordedAt) {
    }

    @MappedEntity("node_incarnation")
    public record IncarnationRow(@Id String id, Instant startedAt, String reason, boolean current) {
    }

    @MappedEntity("rejected_item")
    public record RejectedItemRow(@Id long id, String source, @Nullable Long position, @Nullable String bodyType,
                                  String reason, Instant rejectedAt) {
    }
}
