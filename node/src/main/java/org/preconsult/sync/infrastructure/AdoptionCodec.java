package org.preconsult.sync.infrastructure;

import java.time.Instant;
import org.preconsult.federation.model.AdoptionMessage;
import org.preconsult.federation.model.MessageKind;

/** Maps adoption messages to and from their protobuf form; empty strings on the wire stand for absent values. */
public final class AdoptionCodec {

    private AdoptionCodec() {
    }

    public static org.preconsult.federation.v1.AdoptionMessage toProto(AdoptionMessage m) {
        return org.preconsult.federation.v1.AdoptionMessage.newBuilder()
                .setMessageId(m.messageId()).setAdoptionId(m.adoptionId())
                .setFromNode(m.fromNode()).setFromName(text(m.fromName())).setToNode(m.toNode())
                .setKind(m.kind().name()).setEntryId(m.entryId()).setEntryName(text(m.entryName()))
                .setCopyEntryId(text(m.copyEntryId())).setText(text(m.text()))
                .setChangedEntryId(text(m.changedEntryId())).setChangedVersion(m.changedVersion())
                .setChangedStatus(text(m.changedStatus())).setSentAtEpochMs(m.sentAt().toEpochMilli())
                .build();
    }

    /** The message, or an IllegalArgumentException whose message says what is wrong. */
    public static AdoptionMessage fromProto(org.preconsult.federation.v1.AdoptionMessage m) {
        if (m.getMessageId().isBlank() || m.getAdoptionId().isBlank() || m.getFromNode().isBlank()
                || m.getToNode().isBlank() || m.getEntryId().isBlank()) {
            throw new IllegalArgumentException("message_id, adoption_id, from_node, to_node and entry_id are required");
        }
        MessageKind kind;
        try {
            kind = MessageKind.valueOf(m.getKind());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown adoption message kind " + m.getKind());
        }
        if (m.getSentAtEpochMs() <= 0) {
            throw new IllegalArgumentException("sent_at is required");
        }
        return new AdoptionMessage(m.getMessageId(), m.getAdoptionId(), m.getFromNode(), absent(m.getFromName()),
                m.getToNode(), kind, m.getEntryId(), absent(m.getEntryName()), absent(m.getCopyEntryId()),
                absent(m.getText()), absent(m.getChangedEntryId()), m.getChangedVersion(), absent(m.getChangedStatus()),
                Instant.ofEpochMilli(m.getSentAtEpochMs()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String absent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
