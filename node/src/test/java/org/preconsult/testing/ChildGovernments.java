package org.preconsult.testing;

import io.grpc.ManagedChannel;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.preconsult.federation.v1.AdoptionMessage;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.PullRequest;
import org.preconsult.federation.v1.SystemSummary;
import org.preconsult.node.NodeRole;

/**
 * Other governments as the node under test meets them in an adoption: provincial children enrolled
 * with it ({@link TrustFixture}), each with its mutual-TLS channel to the node's federation port, that
 * announce systems of their own, push sealed adoption messages with increasing seqs and pull what
 * the node addresses to them. One government's system can so be adopted by the node, and the node's
 * own by another government, in a test of one node.
 */
public final class ChildGovernments implements AutoCloseable {

    private final Map<String, TrustFixture.Child> children = new HashMap<>();
    private final Map<String, ManagedChannel> channels = new HashMap<>();
    private final Map<String, Long> seqs = new HashMap<>();

    private ChildGovernments() {
    }

    /** Enrols the children (provincial nodes named {@code prov-x}, …) and opens their channels to {@code grpcPort}. */
    public static ChildGovernments enrol(ApplicationContext context, int grpcPort, String... nodeIds) {
        var governments = new ChildGovernments();
        for (String child : nodeIds) {
            governments.children.put(child, TrustFixture.enrol(context, child, NodeRole.PROVINCIAL));
            governments.channels.put(child, governments.children.get(child).channel(grpcPort));
        }
        return governments;
    }

    /** The child's name as its messages give it: {@code prov-x} is "Province X". */
    public static String nameOf(String child) {
        return "Province " + child.substring(child.indexOf('-') + 1).toUpperCase();
    }

    /** An envelope of {@code origin} carrying the message, under the origin's next seq (not sealed yet). */
    public Envelope envelope(String origin, AdoptionMessage.Builder message) {
        return next(origin).setAdoptionMessage(message).build();
    }

    private Envelope.Builder next(String origin) {
        long seq = seqs.merge(origin, 1L, Long::sum);
        return Envelope.newBuilder().setOriginNode(origin).setSeq(seq).setOriginIncarnation("life-1")
                .setCreatedAtEpochMs(Instant.now().toEpochMilli());
    }

    /** An adoption message from a child to the node under test. */
    public static AdoptionMessage.Builder message(String from, String kind, String adoptionId, String entryId) {
        return AdoptionMessage.newBuilder().setMessageId(from + ":" + java.util.UUID.randomUUID()).setAdoptionId(adoptionId)
                .setFromNode(from).setFromName(nameOf(from)).setToNode(NodeFixture.NODE_ID)
                .setKind(kind).setEntryId(entryId).setSentAtEpochMs(Instant.now().toEpochMilli());
    }

    /** The envelope sealed by {@code child}, as its link would. */
    public Envelope seal(String child, Envelope envelope) {
        return children.get(child).seal(envelope);
    }

    /** Pushes as {@code sender} an envelope sealed by {@code sealer} (the same child, unless a test forges). */
    public EnvelopeAck push(String sender, String sealer, Envelope envelope) {
        return push(sender, seal(sealer, envelope));
    }

    public EnvelopeAck push(String sender, Envelope sealed) {
        return TrustFixture.push(channels.get(sender), sender, sealed).get(0);
    }

    /** The child announces an operating system of its own; its catalogue entry id at the node is returned. */
    public String announceSystem(String child, String systemId, String name, String description) {
        var system = SystemSummary.newBuilder().setSystemId(systemId).setVersion(1).setOwnerNode(child)
                .setOwnerName(nameOf(child)).setName(name).setDescription(description)
                .setStatus("OPERATING").setLanguage("en");
        var ack = push(child, child, next(child).setSystemRegistered(system).build());
        if (ack.getResult() != EnvelopeAck.Result.ACCEPTED) {
            throw new IllegalStateException("the announcement of " + name + " was refused: " + ack.getReason());
        }
        return child + ":system:" + systemId;
    }

    /** The items of the child's feed the node offers it now. */
    public List<FeedItem> feedOf(String child) {
        var stream = FederationGrpc.newBlockingStub(channels.get(child)).withDeadlineAfter(1500, TimeUnit.MILLISECONDS)
                .pull(PullRequest.newBuilder().setNodeId(child).build());
        List<FeedItem> items = new ArrayList<>();
        try {
            while (stream.hasNext()) {
                var item = stream.next();
                if (item.hasAddressedEnvelope()) {
                    items.add(item);
                }
            }
        } catch (io.grpc.StatusRuntimeException deadline) {
            // The pull stream ends at its deadline.
        }
        return items;
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
