package org.preconsult.sync.infrastructure;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.HexFormat;
import org.preconsult.federation.model.Downward;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.NodeKey;
import org.preconsult.federation.v1.SignedConditionWaiver;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.sync.application.PulledItem;

/**
 * Turns feed messages into the bytes a feed row keeps, and pulled feed items back into messages:
 * the feed and the applying side never see the generated types. Encoding is a visitor over the
 * sealed {@link Downward}; decoding refuses a body it does not know.
 */
public final class FeedWire {

    private FeedWire() {
    }

    /** A feed message as a row keeps it: its body type and the item's bytes (without position or address). */
    public record Encoded(String bodyType, byte[] bytes) {
    }

    public static Encoded encode(Downward message) {
        FeedItem item = message.accept(new Downward.Visitor<FeedItem>() {
            public FeedItem entryPublished(Downward.EntryPublished m) {
                return FeedItem.newBuilder().setCatalogueEntry(FederationCodec.toProto(m.entry())).build();
            }

            public FeedItem keyPublished(Downward.KeyPublished m) {
                return FeedItem.newBuilder().setNodeKey(parse(m.sealedKey(), NodeKey.parser(), "node key")).build();
            }

            public FeedItem decisionAddressed(Downward.DecisionAddressed m) {
                return FeedItem.newBuilder().setDecision(parse(m.signedDecision(), SignedDecision.parser(), "signed decision"))
                        .build();
            }

            public FeedItem practiceMarked(Downward.PracticeMarked m) {
                return FeedItem.newBuilder().setBestPracticeMark(PracticeCodec.toProto(m.mark())).build();
            }

            public FeedItem envelopeAddressed(Downward.EnvelopeAddressed m) {
                return FeedItem.newBuilder().setAddressedEnvelope(parse(m.sealedEnvelope(), Envelope.parser(), "envelope"))
                        .build();
            }

            public FeedItem waiverAddressed(Downward.WaiverAddressed m) {
                return FeedItem.newBuilder()
                        .setConditionWaiver(parse(m.signedWaiver(), SignedConditionWaiver.parser(), "signed waiver"))
                        .build();
            }
        });
        return new Encoded(item.getBodyCase().name(), item.toByteArray());
    }

    /** An item pulled from the parent's stream; its message is read when asked for. */
    public static PulledItem pulled(FeedItem item) {
        if (item.hasHeartbeat()) {
            return new PulledItem.Heartbeat();
        }
        if (item.hasResync()) {
            return new PulledItem.Resync(item.getResync().getReason());
        }
        String incarnation = item.getIncarnation().isBlank() || item.getIncarnation().length() > 64 ? null : item.getIncarnation();
        String digest = item.getDigest().size() == 32 ? HexFormat.of().formatHex(item.getDigest().toByteArray()) : null;
        return new PulledItem.Item(item.getPosition(), incarnation, digest, item.getBodyCase().name(),
                receivedAt -> message(item, receivedAt));
    }

    private static Downward message(FeedItem item, Instant receivedAt) {
        return switch (item.getBodyCase()) {
            case CATALOGUE_ENTRY -> new Downward.EntryPublished(FederationCodec.fromProto(item.getCatalogueEntry(), receivedAt));
            case NODE_KEY -> new Downward.KeyPublished(item.getNodeKey().toByteArray());
            case DECISION -> new Downward.DecisionAddressed(item.getAddress(), item.getDecision().toByteArray());
            case BEST_PRACTICE_MARK -> new Downward.PracticeMarked(PracticeCodec.fromProto(item.getBestPracticeMark()));
            case ADDRESSED_ENVELOPE -> new Downward.EnvelopeAddressed(item.getAddress(), item.getAddressedEnvelope().toByteArray());
            case CONDITION_WAIVER -> new Downward.WaiverAddressed(item.getAddress(), item.getConditionWaiver().toByteArray());
            default -> throw new PulledItem.UnknownType(item.getBodyCase().name());
        };
    }

    static <T> T parse(byte[] bytes, com.google.protobuf.Parser<T> parser, String what) {
        try {
            return parser.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a " + what, e);
        }
    }
}
