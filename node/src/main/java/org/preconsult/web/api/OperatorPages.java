package org.preconsult.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.model.AuditQuery;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.application.AccountChange;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;
import org.preconsult.node.NodeSettings;
import org.preconsult.sync.application.ApplyingFeed;
import org.preconsult.sync.application.Outbox;
import org.preconsult.sync.application.SyncStatus;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import org.preconsult.plan.application.PlanDeliveries;
import org.preconsult.sync.application.SyncConflicts;
import org.preconsult.sync.infrastructure.SyncRepositories.RejectedItemRows;
import org.preconsult.trust.application.EnrolledChildren;
import org.preconsult.trust.application.NodeCertificate;
import org.preconsult.trust.application.TrustRefusals;
import org.preconsult.trust.infrastructure.ParentConnection;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.web.infrastructure.Csrf;

/**
 * The operator's pages (the node's users, its federation link) and the auditor's audit trail,
 * on the same services as the user API, /health and the audit API.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
// Public only so that the precompiled templates (another package) can name its page records.
public class OperatorPages {

    static final int AUDIT_PAGE = 50;

    public record UserRow(String username, String displayName, List<String> roles, boolean enabled, Instant createdAt) {
    }

    public record UsersPage(Ui ui, List<UserRow> users, List<String> allRoles, String errorKey, String notice) {
    }

    public record FederationPage(Ui ui, String nodeId, String role, String parent, long outboxDepth, Instant lastUp,
                                 Instant lastDown, String lastError, long feedCursor, Instant failingSinceUp,
                                 Instant failingSinceDown, Instant lastReconciled, long unconfirmedSubmissions,
                                 String tls, Certificate certificate, long conflicts, List<Conflict> latestConflicts,
                                 long rejectedItems, List<Rejected> latestRejected, List<Child> children,
                                 List<Refusal> refusals) {
    }

    /** This node's federation certificate; null when it has not enrolled. */
    public record Certificate(String fingerprint, Instant expiresAt, String rootFingerprint, boolean holdsRoot) {
    }

    public record Conflict(String kind, String originNode, Long originSeq, String detail, Instant recordedAt) {
    }

    /** An item this node could not apply (from its parent's feed) or that its parent refused. */
    public record Rejected(String source, Long position, String bodyType, String reason, Instant rejectedAt) {
    }

    public record Child(String nodeId, String role, Instant certificateExpiresAt, Instant lastContact, Instant revokedAt) {
    }

    /** What the federation port refused: who, what, why. */
    public record Refusal(Instant at, String peer, String what, String reason) {
    }

    /** How many of the latest conflicts, rejected items and refusals the page lists. */
    static final int LATEST = 20;

    public record AuditRow(long id, Instant at, String actor, String entityType, String entityId, String action) {
    }

    public record AuditPage(Ui ui, String entityType, String actor, List<AuditRow> events, long total) {
    }

    private final UiContext context;
    private final ManagingUsers users;
    private final NodeSettings node;
    private final Outbox outbox;
    private final SyncStatus status;
    private final ApplyingFeed feed;
    private final AuditTrail audit;
    private final Csrf csrf;

    private final SyncConflicts conflicts;
    private final RejectedItemRows rejected;
    private final PlanDeliveries deliveries;
    private final NodeCertificate certificate;
    private final ParentConnection parentConnection;
    private final EnrolledChildren children;
    private final TrustRefusals refusals;

    OperatorPages(UiContext context, ManagingUsers users, NodeSettings node, Outbox outbox, SyncStatus status,
                  ApplyingFeed feed, AuditTrail audit, Csrf csrf, SyncConflicts conflicts, RejectedItemRows rejected,
                  PlanDeliveries deliveries, NodeCertificate certificate, ParentConnection parentConnection,
                  EnrolledChildren children, TrustRefusals refusals) {
        this.conflicts = conflicts;
        this.rejected = rejected;
        this.deliveries = deliveries;
        this.certificate = certificate;
        this.parentConnection = parentConnection;
        this.children = children;
        this.refusals = refusals;
        this.context = context;
        this.users = users;
        this.node = node;
        this.outbox = outbox;
        this.status = status;
        this.feed = feed;
        this.audit = audit;
        this.csrf = csrf;
    }

    @Get("/operator/users")
    @Secured(Role.OPERATOR_)
    Object users(HttpRequest<?> request, @Nullable @QueryValue String notice) {
        return UiContext.page("operator/users", usersPage(request, null, notice));
    }

    @Post(value = "/operator/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.OPERATOR_)
    HttpResponse<?> createUser(HttpRequest<?> request, @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        String username = form.getOrDefault("username", "").strip();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (form.containsKey("role-" + role.name())) {
                roles.add(role);
            }
        }
        String error = !username.matches("[A-Za-z0-9._@-]{1,100}") ? "users.error.username"
                : roles.isEmpty() ? "users.error.roles" : null;
        if (error == null) {
            String displayName = form.getOrDefault("displayName", "").strip();
            var created = users.create(username, form.getOrDefault("password", ""), displayName.isEmpty() ? null : displayName,
                    roles);
            error = created instanceof AccountChange.NameTaken ? "users.error.exists"
                    : created instanceof AccountChange.WeakPassword ? "users.error.password" : null;
        }
        if (error != null) {
            return HttpResponse.badRequest(UiContext.page("operator/users", usersPage(request, error, null)));
        }
        return HttpResponse.seeOther(URI.create("/operator/users?notice=created"));
    }

    /** Enables or disables a user; a disabled user's sessions end with the next request. */
    @Post(value = "/operator/users/{username}/enabled", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.OPERATOR_)
    HttpResponse<?> enable(HttpRequest<?> request, @PathVariable String username, @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        boolean enabled = "true".equals(form.get("enabled"));
        if (users.change(username, null, null, enabled, null) instanceof AccountChange.Unknown) {
            return HttpResponse.status(HttpStatus.NOT_FOUND)
                    .body(UiContext.page("operator/users", usersPage(request, "users.error.unknown", null)));
        }
        return HttpResponse.seeOther(URI.create("/operator/users?notice=" + (enabled ? "enabled" : "disabled")));
    }

    @Get("/operator/federation")
    @Secured({Role.OPERATOR_, Role.AUDITOR_})
    Object federation(HttpRequest<?> request) {
        var error = status.lastError(SyncStatus.Direction.UP).or(() -> status.lastError(SyncStatus.Direction.DOWN));
        var held = certificate.current().map(h -> new Certificate(Pki.fingerprint(h.leaf()), h.expiresAt(),
                Pki.fingerprint(h.root()), certificate.holdsRootKey())).orElse(null);
        var latestConflicts = conflicts.latest(LATEST).getContent().stream()
                .map(c -> new Conflict(c.kind(), c.originNode(), c.originSeq(), c.detail(), c.recordedAt())).toList();
        var latestRejected = rejected.findAll(Pageable.from(0, LATEST, Sort.of(Sort.Order.desc("id"))));
        var rejectedRows = latestRejected.getContent().stream()
                .map(r -> new Rejected(r.source(), r.position(), r.bodyType(), r.reason(), r.rejectedAt())).toList();
        var childRows = children.all().stream().map(c -> new Child(c.nodeId(), c.role(), c.notAfter(),
                children.lastContact(c.nodeId()).orElse(null), c.revokedAt())).toList();
        var refused = refusals.newest(0, LATEST).getContent().stream()
                .map(r -> new Refusal(r.occurredAt(), r.peer(), r.what(), r.reason())).toList();
        return UiContext.page("operator/federation", new FederationPage(context.of(request), node.id(), node.role().name(),
                node.hasParent() ? node.parent() : null, outbox.depth(),
                status.lastSuccess(SyncStatus.Direction.UP).orElse(null),
                status.lastSuccess(SyncStatus.Direction.DOWN).orElse(null), error.orElse(null), feed.cursor(),
                status.failingSince(SyncStatus.Direction.UP).orElse(null),
                status.failingSince(SyncStatus.Direction.DOWN).orElse(null), status.lastReconciled().orElse(null),
                node.hasParent() ? deliveries.overdue() : 0, node.hasParent() ? parentConnection.state() : null, held,
                conflicts.count(), latestConflicts, latestRejected.getTotalSize(), rejectedRows, childRows, refused));
    }

    @Get("/audit")
    @Secured({Role.AUDITOR_, Role.OPERATOR_})
    Object audit(HttpRequest<?> request, @Nullable @QueryValue String entityType, @Nullable @QueryValue String actor) {
        String type = blankToNull(entityType);
        String who = blankToNull(actor);
        var found = audit.find(new AuditQuery(type, null, who), 0, AUDIT_PAGE);
        var rows = found.events().stream().map(e -> new AuditRow(e.id(), e.occurredAt(), e.actor(), e.entityType(),
                e.entityId(), e.action())).toList();
        return UiContext.page("audit", new AuditPage(context.of(request), type == null ? "" : type, who == null ? "" : who,
                rows, found.total()));
    }

    private UsersPage usersPage(HttpRequest<?> request, String errorKey, String notice) {
        var rows = users.list().stream().map(u -> new UserRow(u.username(), u.displayName(),
                u.roles().stream().map(Enum::name).sorted().toList(), u.enabled(), u.createdAt())).toList();
        return new UsersPage(context.of(request), rows, Arrays.stream(Role.values()).map(Enum::name).toList(), errorKey,
                notice == null || !notice.matches("[a-z]{1,20}") ? null : notice);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip().substring(0, Math.min(200, s.strip().length()));
    }

    /** A refusal of the services (not found, conflict) as a page, not as the API's problem+json. */
    @Error(exception = ProblemException.class)
    HttpResponse<?> refused(HttpRequest<?> request, ProblemException problem) {
        return ErrorPages.of(context, request, problem);
    }
}
