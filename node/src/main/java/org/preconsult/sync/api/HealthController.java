package org.preconsult.sync.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.preconsult.plan.application.PlanDeliveries;
import org.preconsult.sync.application.Incarnation;
import org.preconsult.sync.application.SyncConflicts;
import org.preconsult.sync.infrastructure.SyncRepositories.RejectedItemRows;
import org.preconsult.node.NodeRole;
import org.preconsult.node.NodeSettings;
import org.preconsult.sync.application.ApplyingFeed;
import org.preconsult.sync.application.Outbox;
import org.preconsult.sync.application.SyncStatus;
import org.preconsult.sync.infrastructure.GrpcServer;
import org.preconsult.trust.application.NodeCertificate;
import org.preconsult.trust.infrastructure.ParentConnection;

/**
 * The node's health as an operator or a monitor reads it: its role, whether its parent is
 * reachable, how much it still owes upward, and when each direction last succeeded.
 */
@Controller("/health")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class HealthController {

    /** A parent is considered connected when an exchange succeeded this recently and none failed since. */
    private static final Duration CONNECTED_WITHIN = Duration.ofSeconds(60);

    private final NodeSettings node;
    private final Outbox outbox;
    private final SyncStatus status;
    private final ApplyingFeed feed;
    private final GrpcServer grpc;
    private final Clock clock;
    private final Incarnation incarnation;
    private final SyncConflicts conflicts;
    private final RejectedItemRows rejected;
    private final PlanDeliveries deliveries;
    private final NodeCertificate certificate;
    private final ParentConnection parentConnection;

    HealthController(NodeSettings node, Outbox outbox, SyncStatus status, ApplyingFeed feed, GrpcServer grpc, Clock clock,
                     Incarnation incarnation, SyncConflicts conflicts, RejectedItemRows rejected, PlanDeliveries deliveries,
                     NodeCertificate certificate, ParentConnection parentConnection) {
        this.incarnation = incarnation;
        this.conflicts = conflicts;
        this.rejected = rejected;
        this.deliveries = deliveries;
        this.certificate = certificate;
        this.parentConnection = parentConnection;
        this.node = node;
        this.outbox = outbox;
        this.status = status;
        this.feed = feed;
        this.grpc = grpc;
        this.clock = clock;
    }

    @Get
    Health health() {
        var now = clock.instant();
        ParentView parent = null;
        if (node.hasParent()) {
            var up = status.lastSuccess(SyncStatus.Direction.UP).orElse(null);
            var down = status.lastSuccess(SyncStatus.Direction.DOWN).orElse(null);
            var error = status.lastError(SyncStatus.Direction.UP).or(() -> status.lastError(SyncStatus.Direction.DOWN));
            boolean connected = error.isEmpty() && recent(up, now) && recent(down, now);
            parent = new ParentView(node.parent(), connected, error.orElse(null), up, down, feed.cursor(),
                    status.lastError(SyncStatus.Direction.UP).orElse(null), status.lastError(SyncStatus.Direction.DOWN).orElse(null),
                    status.failingSince(SyncStatus.Direction.UP).orElse(null),
                    status.failingSince(SyncStatus.Direction.DOWN).orElse(null),
                    status.lastReconciled().orElse(null), deliveries.overdue(),
                    parentConnection.state());
        }
        Long oldestAge = outbox.oldestCreatedAt().map(at -> Math.max(0, Duration.between(at, now).toSeconds())).orElse(null);
        var latest = conflicts.latest(5).getContent().stream()
                .map(c -> new ConflictView(c.kind(), c.originNode(), c.originSeq(), c.detail(), c.recordedAt())).toList();
        return new Health("UP", node.id(), node.name(), node.role(), grpc.port(), outbox.depth(), parent,
                incarnation.current(), oldestAge, conflicts.count(), latest, rejected.count(),
                certificate.current().map(NodeCertificate.Held::expiresAt).orElse(null));
    }

    private static boolean recent(Instant at, Instant now) {
        return at != null && at.isAfter(now.minus(CONNECTED_WITHIN));
    }

    /**
     * @param outboxOldestAgeSeconds age of the oldest envelope still owed to the parent
     * @param conflicts              replication conflicts recorded so far (reused numbers, re-synchronisations, repairs)
     * @param rejectedItems          items refused: feed items this node could not apply and envelopes its parent refused
     */
    @Serdeable
    record Health(String status, String nodeId, String nodeName, NodeRole role, int grpcPort, long outboxDepth,
                  ParentView parent, String incarnation, Long outboxOldestAgeSeconds, long conflicts,
                  List<ConflictView> latestConflicts, long rejectedItems, Instant certificateExpiresAt) {
    }

    /**
     * @param unconfirmedSubmissions own plans submitted longer ago than {@code preconsult.sync.delivery-overdue}
     *                               that the parent has not confirmed yet
     */
    @Serdeable
    record ParentView(String address, boolean connected, String lastError, Instant lastSyncUp, Instant lastSyncDown,
                      long feedCursor, String lastErrorUp, String lastErrorDown, Instant failingSinceUp,
                      Instant failingSinceDown, Instant lastReconciled, long unconfirmedSubmissions, String tls) {
    }

    @Serdeable
    record ConflictView(String kind, String originNode, Long originSeq, String detail, Instant recordedAt) {
    }
}
