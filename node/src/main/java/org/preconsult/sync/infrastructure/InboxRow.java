package org.preconsult.sync.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.Instant;

/** An envelope received from a child: what it was, how it was taken, and a digest of its bytes. */
@MappedEntity("inbox")
public record InboxRow(@EmbeddedId Key key, String senderNode, String bodyType, String result,
                       @Nullable String reason, Instant receivedAt, @Nullable String originIncarnation,
                       @Nullable String digest) {

    @Embeddable
    public record Key(@MappedProperty("origin_node") String originNode, @MappedProperty("origin_seq") long originSeq) {
    }
}
