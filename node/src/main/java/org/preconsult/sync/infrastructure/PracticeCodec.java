package org.preconsult.sync.infrastructure;

import java.time.Instant;
import org.preconsult.federation.model.PracticeMark;

/** Maps best-practice marks to and from their protobuf form. */
public final class PracticeCodec {

    private PracticeCodec() {
    }

    public static org.preconsult.federation.v1.BestPracticeMark toProto(PracticeMark m) {
        return org.preconsult.federation.v1.BestPracticeMark.newBuilder()
                .setEntryId(m.entryId()).setMarkingNode(m.markingNode())
                .setMarkingName(m.markingName() == null ? "" : m.markingName())
                .setReason(m.reason() == null ? "" : m.reason()).setMarkedAtEpochMs(m.markedAt().toEpochMilli())
                .setWithdrawn(m.withdrawn()).setVersion(m.version())
                .build();
    }

    public static PracticeMark fromProto(org.preconsult.federation.v1.BestPracticeMark m) {
        if (m.getEntryId().isBlank() || m.getMarkingNode().isBlank() || m.getVersion() <= 0 || m.getMarkedAtEpochMs() <= 0) {
            throw new IllegalArgumentException("a best-practice mark needs its entry, marking node, version and time");
        }
        return new PracticeMark(m.getEntryId(), m.getMarkingNode(),
                m.getMarkingName().isEmpty() ? null : m.getMarkingName(), m.getReason().isEmpty() ? null : m.getReason(),
                Instant.ofEpochMilli(m.getMarkedAtEpochMs()), m.getWithdrawn(), m.getVersion());
    }
}
