package org.preconsult.sync.infrastructure;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.Optional;
import org.preconsult.federation.model.PlanRef;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.ReconcileRequest;
import org.preconsult.federation.v1.ReconcileResponse;
import org.preconsult.federation.v1.Resync;
import org.preconsult.sync.application.Digests;
import org.preconsult.sync.application.Incarnation;
import org.preconsult.sync.application.Receipt;
import org.preconsult.sync.application.Reconciliation;
import org.preconsult.sync.application.SyncConflicts;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.federation.v1.Heartbeat;
import org.preconsult.federation.v1.PullRequest;
import org.preconsult.federation.v1.PushRequest;
import org.preconsult.federation.v1.PushResponse;
import org.preconsult.sync.application.Feed;
import org.preconsult.sync.application.ReceivingEnvelopes;
import org.preconsult.sync.application.SyncSettings;
import org.preconsult.sync.infrastructure.SyncRows.FeedRow;
import org.preconsult.trust.infrastructure.FederationAuthority;
import org.preconsult.federation.v1.EnrolmentRequest;
import org.preconsult.federation.v1.EnrolmentResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent side of the federation protocol. Push applies envelopes in order, one transaction
 * each, and stops at the first that fails unexpectedly (so order per origin holds: the child sends
 * it again). Pull streams the feed from the child's cursor, waits for new items, and ends when the
 * call's deadline expires or the child cancels.
 */
@Singleton
public class FederationService extends FederationGrpc.FederationImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(FederationService.class);
    private static final int PULL_BATCH = 200;
    private static final int MAX_RECONCILE_REFS = 100_000;

    private final ReceivingEnvelopes receiving;
    private final Feed feed;
    private final FeedWaiter waiter;
    private final SyncSettings settings;
    private final Reconciliation reconciliation;
    private final Incarnation incarnation;
    private final SyncConflicts conflicts;
    private final FederationAuthority authority;

    FederationService(ReceivingEnvelopes receiving, Feed feed, FeedWaiter waiter, SyncSettings settings,
                      Reconciliation reconciliation, Incarnation incarnation, SyncConflicts conflicts,
                      FederationAuthority authority) {
        this.reconciliation = reconciliation;
        this.incarnation = incarnation;
        this.conflicts = conflicts;
        this.authority = authority;
        this.receiving = receiving;
        this.feed = feed;
        this.waiter = waiter;
        this.settings = settings;
    }

    @Override
    public void push(PushRequest request, StreamObserver<PushResponse> response) {
        // The sender is the node its certificate names; request.sender_node is not believed.
        String sender = authority.caller();
        var acks = PushResponse.newBuilder();
        for (var envelope : request.getEnvelopesList()) {
            var refusal = authority.envelopeRefusal(sender, envelope);
            if (refusal.isPresent()) {
                acks.addAcks(EnvelopeAck.newBuilder().setOriginNode(envelope.getOriginNode()).setSeq(envelope.getSeq())
                        .setResult(EnvelopeAck.Result.REJECTED).setReason(refusal.get()));
                continue;
            }
            try {
                acks.addAcks(ack(envelope, receiving.receive(sender, EnvelopeWire.of(envelope), () -> FederationCodec.body(envelope))));
            } catch (RuntimeException e) {
                var unstorable = authority.unstorable(sender, envelope, e);
                if (unstorable.isPresent()) {
                    acks.addAcks(EnvelopeAck.newBuilder().setOriginNode(envelope.getOriginNode()).setSeq(envelope.getSeq())
                            .setResult(EnvelopeAck.Result.REJECTED).setReason(unstorable.get()));
                    continue;
                }
                LOG.warn("Could not store envelope ({}, {}) from {}; it will be sent again: {}",
                        envelope.getOriginNode(), envelope.getSeq(), sender, e.toString());
                if (acks.getAcksCount() == 0) {
                    response.onError(Status.UNAVAILABLE.withDescription("the parent could not store the envelopes; retry")
                            .asRuntimeException());
                    return;
                }
                break;
            }
        }
        response.onNext(acks.build());
        response.onCompleted();
    }

    private static EnvelopeAck ack(Envelope envelope, Receipt receipt) {
        var ack = EnvelopeAck.newBuilder().setOriginNode(envelope.getOriginNode()).setSeq(envelope.getSeq());
        if (receipt instanceof Receipt.Accepted) {
            return ack.setResult(EnvelopeAck.Result.ACCEPTED).build();
        } else if (receipt instanceof Receipt.Duplicate) {
            return ack.setResult(EnvelopeAck.Result.DUPLICATE).build();
        } else if (receipt instanceof Receipt.Rejected r) {
            return ack.setResult(EnvelopeAck.Result.REJECTED).setReason(r.reason()).build();
        } else if (receipt instanceof Receipt.Conflict c) {
            return ack.setResult(EnvelopeAck.Result.CONFLICT).setReason(c.reason()).setHighestSeq(c.highestSeq()).build();
        }
        throw new IllegalStateException("Unhandled receipt " + receipt);
    }

    @Override
    public void reconcile(ReconcileRequest request, StreamObserver<ReconcileResponse> response) {
        if (request.getNodeId().isBlank() || request.getRefsCount() > MAX_RECONCILE_REFS) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(
                    "node_id is required and at most " + MAX_RECONCILE_REFS + " refs are compared at once").asRuntimeException());
            return;
        }
        var refusal = authority.pullRefusal(authority.caller(), request.getNodeId());
        if (refusal.isPresent()) {
            response.onError(Status.PERMISSION_DENIED.withDescription(refusal.get()).asRuntimeException());
            return;
        }
        Reconciliation.Answer answer;
        try {
            if (!request.getRefsIncluded()) {
                answer = reconciliation.compareDigest(request.getNodeId(), request.getDigest().toByteArray());
            } else {
                answer = reconciliation.compare(request.getNodeId(), request.getRefsList().stream()
                        .map(r -> new PlanRef(r.getOriginNode(), r.getPlanId(), r.getRevision())).toList(),
                        request.getFeedCursor());
            }
        } catch (RuntimeException e) {
            LOG.warn("Reconciliation with {} failed: {}", request.getNodeId(), e.toString());
            response.onError(Status.UNAVAILABLE.withDescription("reconciliation failed here; retry").asRuntimeException());
            return;
        }
        var reply = ReconcileResponse.newBuilder().setHighestSeq(answer.highestSeq()).setParentIncarnation(incarnation.current());
        if (answer instanceof Reconciliation.Answer.Match) {
            reply.setVerdict(ReconcileResponse.Verdict.MATCH);
        } else if (answer instanceof Reconciliation.Answer.SendRefs) {
            reply.setVerdict(ReconcileResponse.Verdict.SEND_REFS);
        } else if (answer instanceof Reconciliation.Answer.Compared c) {
            reply.setVerdict(ReconcileResponse.Verdict.COMPARED);
            c.unknown().forEach(ref -> reply.addUnknown(toProto(ref)));
            c.decided().forEach(ref -> reply.addDecided(toProto(ref)));
            c.unexpected().forEach(ref -> reply.addUnexpected(toProto(ref)));
        }
        response.onNext(reply.build());
        response.onCompleted();
    }

    static org.preconsult.federation.v1.PlanRef toProto(PlanRef ref) {
        return org.preconsult.federation.v1.PlanRef.newBuilder().setOriginNode(ref.originNode())
                .setPlanId(ref.planId()).setRevision(ref.revision()).build();
    }

    /**
     * Why the child's cursor does not match this node's feed, if it does not: no item at its
     * position (this feed went back, e.g. restored), or another item there than the child applied.
     */
    private Optional<String> mismatch(PullRequest request) {
        long after = request.getAfterPosition();
        if (after == 0) {
            return Optional.empty();
        }
        var row = feed.at(after);
        if (row.isEmpty()) {
            return Optional.of("no item at position " + after + " here (head " + feed.head() + ")");
        }
        if (request.getCursorDigest().size() == 32) {
            String expected = HexFormat.of().formatHex(request.getCursorDigest().toByteArray());
            if (!expected.equals(digestOf(row.get()))) {
                return Optional.of("the item at position " + after + " here is not the one the child applied");
            }
        }
        return Optional.empty();
    }

    private static String digestOf(FeedRow row) {
        return row.digest() != null ? row.digest() : Digests.sha256(row.payload());
    }

    @Override
    public void pull(PullRequest request, StreamObserver<FeedItem> plainResponse) {
        if (request.getNodeId().isBlank() || request.getAfterPosition() < 0) {
            plainResponse.onError(Status.INVALID_ARGUMENT
                    .withDescription("node_id is required and after_position must not be negative").asRuntimeException());
            return;
        }
        var pullRefusal = authority.pullRefusal(authority.caller(), request.getNodeId());
        if (pullRefusal.isPresent()) {
            plainResponse.onError(Status.PERMISSION_DENIED.withDescription(pullRefusal.get()).asRuntimeException());
            return;
        }
        var response = (ServerCallStreamObserver<FeedItem>) plainResponse;
        receiving.knowChild(request.getNodeId());
        long after = request.getAfterPosition();
        var mismatch = mismatch(request);
        if (mismatch.isPresent()) {
            conflicts.recordNow(SyncConflicts.Kind.CHILD_CURSOR_AHEAD, request.getNodeId(), after,
                    "The cursor of " + request.getNodeId() + " does not match this feed: " + mismatch.get()
                            + "; told it to re-read from the start");
            response.onNext(FeedItem.newBuilder().setIncarnation(incarnation.current()).setResync(Resync.newBuilder()
                    .setReason(mismatch.get()).setHeadPosition(feed.head())).build());
            response.onCompleted();
            return;
        }
        long lastSent = System.nanoTime();
        try {
            while (!response.isCancelled()) {
                var batch = feed.after(after, request.getNodeId(), PULL_BATCH);
                for (FeedRow row : batch) {
                    if (!awaitReady(response)) {
                        return;
                    }
                    response.onNext(FeedItem.parseFrom(row.payload()).toBuilder()
                            .setPosition(row.position()).setAddress(row.address() == null ? "" : row.address())
                            .setDigest(ByteString.copyFrom(HexFormat.of().parseHex(digestOf(row))))
                            .setIncarnation(incarnation.current()).build());
                    after = row.position();
                    lastSent = System.nanoTime();
                }
                if (batch.size() == PULL_BATCH) {
                    continue;
                }
                long sinceLast = System.nanoTime() - lastSent;
                if (sinceLast >= settings.heartbeat().toNanos()) {
                    if (!awaitReady(response)) {
                        return;
                    }
                    response.onNext(FeedItem.newBuilder().setHeartbeat(Heartbeat.newBuilder().setHeadPosition(feed.head())
                            .setIncarnation(incarnation.current())).build());
                    lastSent = System.nanoTime();
                }
                waiter.awaitAfter(after, Math.min(settings.heartbeat().toMillis(), 1000), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            if (!response.isCancelled()) {
                LOG.warn("Feed stream to {} failed: {}", request.getNodeId(), e.toString());
                response.onError(Status.UNAVAILABLE.withDescription("feed interrupted; resume from your cursor").asRuntimeException());
            }
        }
    }

    /** A child's enrolment: the one call answered without a client certificate. */
    @Override
    public void enrol(EnrolmentRequest request, StreamObserver<EnrolmentResponse> response) {
        authority.enrol(request, response);
    }

    /** A child renewing its certificate, authenticated by the one it holds. */
    @Override
    public void renew(org.preconsult.federation.v1.RenewalRequest request, StreamObserver<EnrolmentResponse> response) {
        authority.renew(request, response);
    }

    /** Flow control: waits while the child's window is full; false when the call ended. */
    private static boolean awaitReady(ServerCallStreamObserver<FeedItem> response) throws InterruptedException {
        while (!response.isReady()) {
            if (response.isCancelled()) {
                return false;
            }
            Thread.sleep(5);
        }
        return !response.isCancelled();
    }
}
