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
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FederationGrpc;
import org.preconsult.federation.v1.PullRequest;
import org.preconsult.federation.v1.PushRequest;
import org.preconsult.node.NodeSettings;
import org.preconsult.sync.application.ApplyingFeed;
import org.preconsult.sync.application.Outbox;
import org.preconsult.sync.application.SyncSettings;
import org.preconsult.sync.application.SyncSignals;
import org.preconsult.sync.application.SyncStatus;
import org.preconsult.sync.infrastructure.SyncRows.OutboxRow;
import org.preconsult.trust.api.OriginSeals;
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
    private final Object wake = new Object();
    private volatile boolean running;
    private volatile boolean pending;
    private final ParentConnection parent;
    private final OriginSeals seals;
    private Thread pusher;
    private Thread puller;

    ParentLink(NodeSettings node, SyncSettings settings, Outbox outbox, ApplyingFeed applying, SyncStatus status,
               ParentConnection parent, OriginSeals seals) {
        this.parent = parent;
        this.seals = seals;
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
        while (running) {
            try {
                if (!pushOnce()) {
                    idle();
                }
                backoff.reset();
            } catch (StatusRuntimeException e) {
                status.failed(SyncStatus.Direction.UP, e.getStatus().getCode() + ": " + e.getStatus().getDescription());
                backoff.sleep();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Push to {} failed: {}", node.parent(), e.toString());
                status.failed(SyncStatus.Direction.UP, e.toString());
                backoff.sleep();
            }
        }
    }

    /** Sends one batch; false when the outbox was empty. */
    private boolean pushOnce() {
        List<OutboxRow> rows = outbox.oldest(settings.pushBatchSize());
        if (rows.isEmpty()) {
            status.succeeded(SyncStatus.Direction.UP);
            return false;
        }
        var request = PushRequest.newBuilder().setSenderNode(node.id());
        List<Long> positions = new ArrayList<>();
        for (OutboxRow row : rows) {
            request.addEnvelopes(seals.seal(parse(row)));
            positions.add(row.position());
        }
        outbox.attempted(positions);
        var response = FederationGrpc.newBlockingStub(parent.channel())
                .withDeadlineAfter(settings.pushDeadline().toMillis(), TimeUnit.MILLISECONDS)
                .push(request.build());
        for (EnvelopeAck ack : response.getAcksList()) {
            if (ack.getResult() == EnvelopeAck.Result.REJECTED) {
                LOG.warn("Parent rejected envelope ({}, {}): {}", ack.getOriginNode(), ack.getSeq(), ack.getReason());
                parent.rejected(ack.getOriginNode(), ack.getSeq(), ack.getReason());
            }
            outbox.acknowledged(ack.getOriginNode(), ack.getSeq());
        }
        status.succeeded(SyncStatus.Direction.UP);
        return true;
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
                    var stream = FederationGrpc.newBlockingStub(parent.channel())
                            .withDeadlineAfter(settings.pullDeadline().toMillis(), TimeUnit.MILLISECONDS)
                            .pull(PullRequest.newBuilder().setNodeId(node.id()).setAfterPosition(applying.cursor()).build());
                    while (running && stream.hasNext()) {
                        applying.apply(stream.next());
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
                status.failed(SyncStatus.Direction.DOWN, e.getStatus().getCode() + ": " + e.getStatus().getDescription());
                backoff.sleep();
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Applying the feed from {} failed; resuming from the cursor: {}", node.parent(), e.toString());
                status.failed(SyncStatus.Direction.DOWN, e.toString());
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
