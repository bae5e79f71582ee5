package org.preconsult.sync.infrastructure;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.preconsult.adoption.application.AdoptionOutlet;
import org.preconsult.adoption.application.ReceivingAdoptionMessages;
import org.preconsult.adoption.infrastructure.AdoptionRows;
import org.preconsult.adoption.infrastructure.AdoptionRows.SeenRow;
import org.preconsult.adoption.model.Receipt;
import org.preconsult.common.infrastructure.Counters;
import org.preconsult.federation.application.Upstream;
import org.preconsult.federation.model.AdoptionMessage;
import org.preconsult.federation.model.Upward;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.node.NodeSettings;
import org.preconsult.sync.application.AddressedEnvelopes;
import org.preconsult.sync.application.Feed;
import org.preconsult.sync.application.Incarnation;
import org.preconsult.sync.application.Outbox;
import org.preconsult.sync.application.WireEnvelope;
import org.preconsult.sync.infrastructure.SyncRepositories.SubtreeRows;
import org.preconsult.trust.infrastructure.OriginSeals;
import org.preconsult.trust.model.OriginCheck;

/**
 * Routes adoption messages through the tree. A message goes up from its origin, envelope by
 * envelope through each parent's idempotent inbox, until it reaches a node whose subtree holds the
 * addressee (their common ancestor); from there it goes down as an addressed feed item, which each
 * intermediate node stores in its own feed for the child on the way (once per message id), and
 * which only the nodes on that way pull. The origin's seal travels unchanged: every node below the
 * ancestor verifies it, and the addressee applies the message only if it is authentic.
 */
@Singleton
class AdoptionRouting implements AddressedEnvelopes, AdoptionOutlet {

    private final NodeSettings node;
    private final Upstream upstream;
    private final Outbox outbox;
    private final Feed feed;
    private final SubtreeRows subtree;
    private final AdoptionRows.Seen seen;
    private final OriginSeals seals;
    private final ReceivingAdoptionMessages receiving;
    private final Counters counters;
    private final Incarnation incarnation;
    private final Clock clock;

    AdoptionRouting(NodeSettings node, Upstream upstream, Outbox outbox, Feed feed, SubtreeRows subtree, AdoptionRows.Seen seen,
                    OriginSeals seals, ReceivingAdoptionMessages receiving, Counters counters, Incarnation incarnation,
                    Clock clock) {
        this.node = node;
        this.upstream = upstream;
        this.outbox = outbox;
        this.feed = feed;
        this.subtree = subtree;
        this.seen = seen;
        this.seals = seals;
        this.receiving = receiving;
        this.counters = counters;
        this.incarnation = incarnation;
        this.clock = clock;
    }

    @Override
    public Optional<String> unreachable(String nodeId) {
        if (nodeId.equals(node.id())) {
            return Optional.of("it is this node");
        }
        if (node.hasParent() || subtree.existsById(nodeId)) {
            return Optional.empty();
        }
        return Optional.of("no node " + nodeId + " is known below this one");
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void send(AdoptionMessage message) {
        if (subtree.existsById(message.toNode())) {
            // This node is the common ancestor itself: the message goes straight down, sealed here.
            var envelope = FederationCodec.envelope(node.id(), incarnation.current(), counters.next("envelope"),
                    clock.instant(), new Upward.AdoptionSent(message));
            passDown(message, seals.seal(envelope).toByteArray());
            return;
        }
        upstream.announce(new Upward.AdoptionSent(message));
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<String> fromChild(WireEnvelope wire, AdoptionMessage message) {
        // The dispatch has read the message, refused it unless its sender is the envelope's origin
        // and its shape sound (ReceivingEnvelopes), and the service has checked the origin's seal.
        if (message.toNode().equals(node.id())) {
            return refusal(receiving.receive(message));
        }
        if (subtree.existsById(message.toNode())) {
            passDown(message, wire.bytes());
            return Optional.empty();
        }
        if (node.hasParent()) {
            outbox.relay(wire, new Upward.AdoptionSent(message));
            return Optional.empty();
        }
        return Optional.of("no node " + message.toNode() + " is known in this federation");
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Optional<String> fromParent(String address, byte[] sealedEnvelope) {
        Envelope envelope;
        try {
            envelope = Envelope.parseFrom(sealedEnvelope);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return Optional.of("the addressed item holds no envelope");
        }
        if (seals.checkRelayed(envelope) instanceof OriginCheck.Refused no) {
            return Optional.of("origin seal refused: " + no.reason());
        }
        AdoptionMessage message;
        try {
            message = parse(envelope);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (!message.toNode().equals(address)) {
            return Optional.of("the item is addressed to " + address + " but the message to " + message.toNode());
        }
        if (message.toNode().equals(node.id())) {
            return refusal(receiving.receive(message));
        }
        if (subtree.existsById(message.toNode())) {
            passDown(message, sealedEnvelope);
            return Optional.empty();
        }
        return Optional.of("addressed to " + message.toNode() + ", which is neither this node nor below it");
    }

    /** The message an envelope from the parent's feed carries, which must come from the envelope's origin. */
    private static AdoptionMessage parse(Envelope envelope) {
        if (envelope.getBodyCase() != Envelope.BodyCase.ADOPTION_MESSAGE) {
            throw new IllegalArgumentException("an addressed envelope must carry an adoption message, not "
                    + envelope.getBodyCase());
        }
        var message = AdoptionCodec.fromProto(envelope.getAdoptionMessage());
        if (!message.fromNode().equals(envelope.getOriginNode())) {
            throw new IllegalArgumentException("from_node " + message.fromNode() + " is not the envelope's origin "
                    + envelope.getOriginNode());
        }
        var malformed = message.malformation();
        if (malformed.isPresent()) {
            throw new IllegalArgumentException(malformed.get());
        }
        return message;
    }

    /** Queues the sealed envelope, byte for byte, in this node's feed for the addressee, once per message id. */
    private void passDown(AdoptionMessage message, byte[] sealedEnvelope) {
        if (seen.existsById(message.messageId())) {
            return;
        }
        feed.addressEnvelope(message.toNode(), sealedEnvelope);
        seen.save(new SeenRow(message.messageId(), message.fromNode(), message.toNode(), message.kind().name(),
                "RELAYED", clock.instant()));
    }

    private static Optional<String> refusal(Receipt receipt) {
        return receipt instanceof Receipt.Refused refused ? Optional.of(refusal(refused)) : Optional.empty();
    }

    private static String refusal(Receipt.Refused refused) {
        return "adoption message refused: " + refused.reason();
    }
}
