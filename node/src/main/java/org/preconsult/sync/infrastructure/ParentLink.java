package org.preconsult.sync.infrastructure;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.google.protobuf.ByteString;
import java.time.Clock;
import org.preconsult.federation.model.PlanRef;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.ReconcileRequest;
import org.preconsult.federation.v1.ReconcileResponse;
import org.preconsult.sync.application.Acknowledgements;
import org.preconsult.sync.application.Receipt;
import org.preconsult.sync.application.Reconciliation;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.federation.v1.PullRequest;
import org.preconsult.federation.v1.PushRequest;
import org.preconsult.node.NodeSettings;
import org.preconsult.sync.application.ApplyingFeed;
import org.preconsult.sync.application.Outbox;
import org.preconsult.sync.application.PulledItem;
import org.preconsult.sync.application.SyncSettings;
import org.preconsult.sync.application.SyncSignals;
import org.preconsult.sync.application.SyncStatus;
import org.preconsult.sync.infrastructure.SyncRows.OutboxRow;
import org.preconsult.trust.infrastructure.OriginSeals;
import org.preconsult.trust.infrastructure.ParentConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The child side of the federation protocol: one connection to the parent, opened by this node.
 * A pusher thread delivers the outbox in order and deletes only what the parent acknowledged; a
 * puller thread holds the feed stream and re-opens it from the durable cursor after every end or
 * failure. Both back off exponentially while the parent is unreachable; every call has a deadline.
 */
@Singleton
public class ParentLink {

    private static final Logger LOG = LoggerFactory.getLogger(ParentLink.class);

    private final NodeSettings node;
    private final SyncSettings settings;
    private final Outbox outbox;
    private final ApplyingFeed applying;
    private final SyncStatus status;
    private final Acknowledgements acknowledgements;
    private final Reconciliation reconciliation;
    private final Clock clock;
    private final Object wake = new Object();
    private volatile boolean running;
    private volatile boolean pending;
    private final ParentConnection parent;
    private final OriginSeals seals;
    private Thread pusher;
    private Thread puller;

    ParentLink(NodeSettings node, SyncSettings settings, Outbox outbox, ApplyingFeed applying, SyncStatus status,
               ParentConnection parent, OriginSeals seals, Acknowledgements acknowledgements,
               Reconciliation reconciliation, Clock clock) {
        this.parent = parent;
        this.seals = seals;
        this.acknowledgements = acknowledgements;
        this.reconciliation = reconciliation;
        this.clock = clock;
        this.node = node;
        this.settings = settings;
        this.outbox = outbox;
        this.applying = applying;
        this.status = status;
    }

    @EventListener
    synchronized void onStartup(StartupEvent event) {
        if (!node.hasParent() || running) {
            return;
        }
        running = true;
        pusher = daemon("push-" + node.id(), this::pushLoop);
        puller = daemon("pull-" + node.id(), this::pullLoop);
        LOG.info("Node {} linked to parent {}", node.id(), node.parent());
    }

    private static Thread daemon(String name, Runnable loop) {
        var thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onOutboxAppended(SyncSignals.OutboxAppended event) {
        synchronized (wake) {
            pending = true;
            wake.notifyAll();
        }
    }

    private void pushLoop() {
        var backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        long nextReconcile = System.nanoTime();
        while (running) {
            try {
                boolean pushed = pushOnce();
                backoff.reset();
                if (status.upRecovered() || System.nanoTime() - nextReconcile >= 0) {
                    reconcileOnce();
                    nextReconcile = System.nanoTime() + settings.reconcileEvery().toNanos();
                }
                if (!pushed) {
                    idle();
                }
            } catch (StatusRuntimeException e) {
                if (!running) {
                    return;
                }
                status.failed(SyncStatus.Direction.UP, "Push to " + node.parent() + " failed",
                        e.getStatus().getCode() + ": " + e.getStatus().getDescription(), backoff.next());
                backoff.sleep();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                status.failed(SyncStatus.Direction.UP, "Push to " + node.parent() + " failed", e.toString(), backoff.next());
                backoff.sleep();
            }
        }
    }

    /** Sends one batch; false when the outbox was empty. */
    private boolean pushOnce() {
        List<OutboxRow> rows = outbox.oldest(settings.pushBatchSize());
        if (rows.isEmpty()) {
            // Nothing to send is no news from the parent: a failing link stays failing until a
            // call reaches it (the next push or reconciliation).
            if (status.failingSince(SyncStatus.Direction.UP).isEmpty()) {
                status.succeeded(SyncStatus.Direction.UP);
            }
            return false;
        }
        var request = PushRequest.newBuilder().setSenderNode(node.id());
        List<Long> positions = new ArrayList<>();
        List<Acknowledgements.Pushed> pushed = new ArrayList<>();
        for (OutboxRow row : rows) {
            var envelope = parse(row);
            request.addEnvelopes(seals.seal(envelope));
            positions.add(row.position());
            pushed.add(new Acknowledgements.Pushed(row.position(), row.originNode(), row.originSeq(), row.bodyType(),
                    ownPlan(envelope)));
        }
        outbox.attempted(positions);
        var response = FederationGrpc.newBlockingStub(parent.channel())
                .withDeadlineAfter(settings.pushDeadline().toMillis(), TimeUnit.MILLISECONDS)
                .push(request.build());
        // Acks answer the envelopes in order; the parent stops at the first it could not store.
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < response.getAcksCount() && i < pushed.size(); i++) {
            var ack = response.getAcks(i);
            var sent = pushed.get(i);
            if (!ack.getOriginNode().equals(sent.originNode()) || ack.getSeq() != sent.seq()) {
                throw new IllegalStateException("The parent's acknowledgement " + i + " names (" + ack.getOriginNode() + ", "
                        + ack.getSeq() + "), not the envelope sent (" + sent.originNode() + ", " + sent.seq() + ")");
            }
            receipts.add(receipt(ack));
        }
        acknowledgements.settle(pushed, receipts);
        status.succeeded(SyncStatus.Direction.UP);
        return true;
    }

    private static Receipt receipt(EnvelopeAck ack) {
        return switch (ack.getResult()) {
            case ACCEPTED -> Receipt.ACCEPTED;
            case DUPLICATE -> Receipt.DUPLICATE;
            case REJECTED -> new Receipt.Rejected(ack.getReason());
            case CONFLICT -> new Receipt.Conflict(ack.getReason(), ack.getHighestSeq());
            case RESULT_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalStateException(
                    "The parent answered envelope (" + ack.getOriginNode() + ", " + ack.getSeq() + ") with " + ack.getResult());
        };
    }

    /** The plan revision an own plan submission is about; null for any other envelope. */
    private PlanRef ownPlan(Envelope envelope) {
        if (envelope.getBodyCase() != Envelope.BodyCase.PLAN_SUBMITTED || !envelope.getOriginNode().equals(node.id())) {
            return null;
        }
        var plan = envelope.getPlanSubmitted();
        return new PlanRef(node.id(), plan.getPlanId(), plan.getRevision());
    }

    /**
     * Compares with the parent what it should hold for this node (first by digest), and repairs
     * what differs by sending it again. Runs after every reconnect and every
     * {@code preconsult.sync.reconcile-every}.
     */
    void reconcileOnce() {
        var expected = reconciliation.expectedAtParent();
        var stub = FederationGrpc.newBlockingStub(parent.channel());
        var byDigest = stub.withDeadlineAfter(settings.pushDeadline().toMillis(), TimeUnit.MILLISECONDS)
                .reconcile(ReconcileRequest.newBuilder().setNodeId(node.id())
                        .setDigest(ByteString.copyFrom(Reconciliation.digest(expected))).build());
        var reply = byDigest;
        if (byDigest.getVerdict() == ReconcileResponse.Verdict.SEND_REFS) {
            var request = ReconcileRequest.newBuilder().setNodeId(node.id()).setRefsIncluded(true)
                    .setFeedCursor(applying.cursor());
            expected.forEach(ref -> request.addRefs(FederationService.toProto(ref)));
            reply = stub.withDeadlineAfter(settings.pushDeadline().toMillis(), TimeUnit.MILLISECONDS).reconcile(request.build());
        }
        Reconciliation.Answer answer = switch (reply.getVerdict()) {
            case MATCH -> new Reconciliation.Answer.Match(reply.getHighestSeq());
            case COMPARED -> new Reconciliation.Answer.Compared(refs(reply.getUnknownList()), refs(reply.getDecidedList()),
                    refs(reply.getUnexpectedList()), reply.getHighestSeq());
            default -> new Reconciliation.Answer.SendRefs(reply.getHighestSeq());
        };
        var repair = reconciliation.repair(expected, answer);
        if (answer instanceof Reconciliation.Answer.Compared c && repair.announcedAgain() + c.decided().size() > 0) {
            LOG.warn("Reconciled with parent {}: {} item(s) listed, {} unknown there and announced again, {} decision(s) queued"
                            + " again by the parent, {} held there but not waiting here", node.parent(), expected.size(),
                    repair.announcedAgain(), c.decided().size(), c.unexpected().size());
        }
        status.reconciled(clock.instant());
        status.succeeded(SyncStatus.Direction.UP);
    }

    private static List<PlanRef> refs(List<org.preconsult.federation.v1.PlanRef> refs) {
        return refs.stream().map(r -> new PlanRef(r.getOriginNode(), r.getPlanId(), r.getRevision())).toList();
    }

    private static Envelope parse(OutboxRow row) {
        try {
            return Envelope.parseFrom(row.payload());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Outbox row " + row.position() + " is not an envelope", e);
        }
    }

    private void idle() {
        synchronized (wake) {
            if (!pending) {
                try {
                    wake.wait(settings.idlePoll().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            pending = false;
        }
    }

    private void pullLoop() {
        var backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        while (running) {
            var call = Context.current().withCancellation();
            try {
                call.run(() -> {
                    var cursor = applying.position();
                    var stream = FederationGrpc.newBlockingStub(parent.channel())
                            .withDeadlineAfter(settings.pullDeadline().toMillis(), TimeUnit.MILLISECONDS)
                            .pull(PullRequest.newBuilder().setNodeId(node.id()).setAfterPosition(cursor.position())
                                    .setCursorIncarnation(cursor.incarnation())
                                    .setCursorDigest(ByteString.copyFrom(cursor.digest())).build());
                    while (running && stream.hasNext()) {
                        var item = stream.next();
                        if (item.hasHeartbeat() && item.getHeartbeat().getHeadPosition() < applying.cursor()) {
                            // The parent's feed is behind this node's cursor: it went back. Re-read from the start.
                            applying.apply(new PulledItem.Resync("the parent's head " + item.getHeartbeat().getHeadPosition()
                                    + " is behind this node's cursor"));
                            break;
                        }
                        applying.apply(FeedWire.pulled(item));
                        status.succeeded(SyncStatus.Direction.DOWN);
                        backoff.reset();
                    }
                });
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                    continue;
                }
                if (!running) {
                    return;
                }
                status.failed(SyncStatus.Direction.DOWN, "Pull from " + node.parent() + " failed",
                        e.getStatus().getCode() + ": " + e.getStatus().getDescription(), backoff.next());
                backoff.sleep();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                status.failed(SyncStatus.Direction.DOWN, "Applying the feed from " + node.parent()
                        + " failed; resuming from the cursor", e.toString(), backoff.next());
                backoff.sleep();
            } finally {
                call.cancel(null);
            }
        }
    }

    /** Stops the loops when the node shuts down, before the database closes under them. */
    @EventListener
    void onShutdown(ShutdownEvent event) throws InterruptedException {
        stop();
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        for (Thread t : new Thread[] {pusher, puller}) {
            if (t != null) {
                t.interrupt();
            }
        }
        parent.close();
        for (Thread t : new Thread[] {pusher, puller}) {
            if (t != null) {
                t.join(5000);
            }
        }
    }

    /** Exponential backoff between failed attempts. */
    private final class Backoff {
        private final Duration initial;
        private final Duration max;
        private Duration next;

        Backoff(Duration initial, Duration max) {
            this.initial = initial;
            this.max = max;
            this.next = initial;
        }

        void reset() {
            next = initial;
        }

        Duration next() {
            return next;
        }

        void sleep() {
            try {
                Thread.sleep(next.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        }
    }
}
