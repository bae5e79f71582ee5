package org.preconsult.sync.infrastructure;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.preconsult.federation.v1.EnvelopeAck;
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
import org.preconsult.trust.api.FederationAuthority;
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

    private final ReceivingEnvelopes receiving;
    private final Feed feed;
    private final FeedWaiter waiter;
    private final SyncSettings settings;
    private final FederationAuthority authority;

    FederationService(ReceivingEnvelopes receiving, Feed feed, FeedWaiter waiter, SyncSettings settings,
                      FederationAuthority authority) {
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
                var result = receiving.receive(sender, envelope);
                acks.addAcks(EnvelopeAck.newBuilder().setOriginNode(envelope.getOriginNode())
                        .setSeq(envelope.getSeq()).setResult(result));
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
        long lastSent = System.nanoTime();
        try {
            while (!response.isCancelled()) {
                var batch = feed.after(after, request.getNodeId(), PULL_BATCH);
                for (FeedRow row : batch) {
                    if (!awaitReady(response)) {
                        return;
                    }
                    response.onNext(FeedItem.parseFrom(row.payload()).toBuilder()
                            .setPosition(row.position()).setAddress(row.address() == null ? "" : row.address()).build());
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
                    response.onNext(FeedItem.newBuilder().setHeartbeat(Heartbeat.newBuilder().setHeadPosition(feed.head())).build());
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
