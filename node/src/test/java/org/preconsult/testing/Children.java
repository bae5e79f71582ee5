package org.preconsult.testing;

import io.grpc.ManagedChannel;
import io.micronaut.context.ApplicationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.node.NodeRole;

/**
 * Children of the node under test, enrolled with it as real children are and connected to its
 * federation port with mutual TLS: what a test needs to speak to the node as its subtree. Closing
 * closes their channels.
 */
public final class Children implements AutoCloseable {

    private final Map<String, TrustFixture.Child> children = new LinkedHashMap<>();
    private final Map<String, ManagedChannel> channels = new LinkedHashMap<>();

    private Children() {
    }

    /** Enrols the named children, all of one role, with the node of {@code context}. */
    public static Children enrol(ApplicationContext context, NodeRole role, String... nodeIds) {
        int port = ((Number) context.getBean(NodeClient.class).health().get("grpcPort")).intValue();
        var enrolled = new Children();
        for (String nodeId : nodeIds) {
            var child = TrustFixture.enrol(context, nodeId, role);
            enrolled.children.put(nodeId, child);
            enrolled.channels.put(nodeId, child.channel(port));
        }
        return enrolled;
    }

    /** The enrolled child. */
    public TrustFixture.Child child(String nodeId) {
        return children.get(nodeId);
    }

    /** A stub for the child's calls, with a deadline of ten seconds. */
    public FederationGrpc.FederationBlockingStub stub(String nodeId) {
        return FederationGrpc.newBlockingStub(channels.get(nodeId)).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** Pushes envelopes already sealed by their origins, as the child delivers them. */
    public List<EnvelopeAck> push(String sender, Envelope... sealed) {
        return TrustFixture.push(channels.get(sender), sender, sealed);
    }

    /** Seals the child's own envelope and pushes it; returns its acknowledgement. */
    public EnvelopeAck pushOwn(String sender, Envelope envelope) {
        return push(sender, child(sender).seal(envelope)).get(0);
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
