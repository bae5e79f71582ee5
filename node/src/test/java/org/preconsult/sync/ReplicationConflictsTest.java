package org.preconsult.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.PullRequest;
import org.preconsult.federation.v1.PushRequest;
import org.preconsult.federation.v1.SystemSummary;
import org.preconsult.sync.application.SyncConflicts;
import org.preconsult.sync.infrastructure.GrpcServer;
import org.preconsult.node.NodeRole;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.TrustFixture;

/**
 * A parent node's side of "no number ever means two things", spoken to over its real gRPC port: a
 * reused (origin, seq) with other content is a conflict (never a duplicate), and a child whose
 * cursor does not match the feed is told to re-read it rather than skip.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicationConflictsTest implements TestPropertyProvider {

    @Inject
    GrpcServer grpc;
    @Inject
    SyncConflicts conflicts;
    @Inject
    ApplicationContext context;

    /** Each child, enrolled with this node, and its mutual-TLS channel. */
    private final Map<String, TrustFixture.Child> children = new HashMap<>();
    private final Map<String, ManagedChannel> channels = new HashMap<>();

    @Override
    public Map<String, String> getProperties() {
        var props = new HashMap<>(NodeFixture.nodeProperties());
        props.put("preconsult.node.role", "CENTRAL");
        props.put("preconsult.sync.heartbeat", "300ms");
        return props;
    }

    @BeforeAll
    void connect() {
        for (String child : new String[] {"prov-x", "prov-y", "prov-z"}) {
            children.put(child, TrustFixture.enrol(context, child, NodeRole.PROVINCIAL));
            channels.put(child, children.get(child).channel(grpc.port()));
        }
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private FederationGrpc.FederationBlockingStub stub(String child) {
        return FederationGrpc.newBlockingStub(channels.get(child)).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Envelope system(String origin, long seq, String name, String incarnation) {
        return Envelope.newBuilder().setOriginNode(origin).setSeq(seq).setOriginIncarnation(incarnation)
                .setCreatedAtEpochMs(1_700_000_000_000L)
                .setSystemRegistered(SystemSummary.newBuilder().setSystemId("sys-" + seq).setVersion(1)
                        .setOwnerNode(origin).setOwnerName("Province X").setName(name).setDescription("Keeps records.")
                        .setStatus("OPERATING").setLanguage("en"))
                .build();
    }

    private EnvelopeAck push(String sender, Envelope envelope) {
        return stub(sender).push(PushRequest.newBuilder().setSenderNode(sender)
                .addEnvelopes(children.get(sender).seal(envelope)).build()).getAcks(0);
    }

    @Test
    void sameSeqWithOtherContent_isAConflictWithTheHighestSeq_notADuplicate() {
        long before = conflicts.count();
        assertEquals(EnvelopeAck.Result.ACCEPTED, push("prov-x", system("prov-x", 1, "Records register", "life-1")).getResult());
        assertEquals(EnvelopeAck.Result.ACCEPTED, push("prov-x", system("prov-x", 2, "Permit desk", "life-1")).getResult());

        var again = push("prov-x", system("prov-x", 1, "Records register", "life-1"));
        assertEquals(EnvelopeAck.Result.DUPLICATE, again.getResult(), "the very same envelope again is a duplicate");

        // The origin was restored from a backup and took seq 2 again for something else.
        var reused = push("prov-x", system("prov-x", 2, "Parking permits", "life-2"));
        assertEquals(EnvelopeAck.Result.CONFLICT, reused.getResult());
        assertEquals(2, reused.getHighestSeq());
        assertTrue(reused.getReason().contains("other content"), reused.getReason());
        assertEquals(before + 1, conflicts.count(), "the conflict is recorded for the operator");

        // Announced again above the highest seq, under its new incarnation, it is taken.
        assertEquals(EnvelopeAck.Result.ACCEPTED, push("prov-x", system("prov-x", 3, "Parking permits", "life-2")).getResult());
    }

    @Test
    void childWhoseCursorIsAheadOfTheFeed_isToldToReadAgainFromTheStart() {
        push("prov-y", system("prov-y", 1, "Library loans", "life-1"));
        long before = conflicts.count();
        var stream = stub("prov-y").pull(PullRequest.newBuilder().setNodeId("prov-y").setAfterPosition(10_000).build());
        assertTrue(stream.hasNext());
        FeedItem first = stream.next();
        assertTrue(first.hasResync(), "a cursor past this feed's head gets Resync, got " + first.getBodyCase());
        assertFalse(stream.hasNext());
        assertEquals(before + 1, conflicts.count());
    }

    @Test
    void childWhoseCursorStandsOnAnotherItem_isToldToReadAgain_andAMatchingCursorIsServed() {
        push("prov-z", system("prov-z", 1, "Water meters", "life-1"));
        var fromStart = stub("prov-z").withDeadlineAfter(3, TimeUnit.SECONDS)
                .pull(PullRequest.newBuilder().setNodeId("prov-z").setAfterPosition(0).build());
        FeedItem item = fromStart.next();
        assertEquals(32, item.getDigest().size(), "every item carries its digest");
        assertFalse(item.getIncarnation().isBlank(), "and the parent's incarnation");

        var forged = stub("prov-z").pull(PullRequest.newBuilder().setNodeId("prov-z").setAfterPosition(item.getPosition())
                .setCursorDigest(ByteString.copyFrom(new byte[32])).build());
        assertTrue(forged.next().hasResync());

        var matching = stub("prov-z").withDeadlineAfter(3, TimeUnit.SECONDS).pull(PullRequest.newBuilder().setNodeId("prov-z")
                .setAfterPosition(item.getPosition()).setCursorDigest(item.getDigest()).build());
        assertFalse(matching.next().hasResync(), "a cursor on the item it names is served from there");
    }
}
