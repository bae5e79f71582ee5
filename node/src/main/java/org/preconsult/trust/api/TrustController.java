package org.preconsult.trust.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.common.api.PageView;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.model.Role;
import org.preconsult.node.NodeRole;
import org.preconsult.trust.application.EnrolledChildren;
import org.preconsult.trust.application.EnrolmentTokens;
import org.preconsult.trust.application.NodeCertificate;
import org.preconsult.trust.application.TrustRefusals;
import org.preconsult.trust.infrastructure.CertificateRenewal;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.infrastructure.TrustRows.EnrolledChildRow;

/**
 * The operator's view of federation trust at this node: its own certificate, enrolment tokens for
 * children, the children it enrolled (with certificate expiry, fingerprint and last contact),
 * revocation, and what the federation port refused.
 */
@Controller("/api/v1/trust")
@ExecuteOn(TaskExecutors.BLOCKING)
class TrustController {

    private final EnrolmentTokens tokens;
    private final EnrolledChildren children;
    private final NodeCertificate own;
    private final TrustRefusals refusals;
    private final CurrentActor actor;
    private final CertificateRenewal renewal;

    TrustController(EnrolmentTokens tokens, EnrolledChildren children, NodeCertificate own, TrustRefusals refusals,
                    CurrentActor actor, CertificateRenewal renewal) {
        this.renewal = renewal;
        this.tokens = tokens;
        this.children = children;
        this.own = own;
        this.refusals = refusals;
        this.actor = actor;
    }

    @Serdeable
    record TokenRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,100}") String nodeId, @NotNull NodeRole role) {
    }

    @Serdeable
    record TokenView(String token, String nodeId, NodeRole role, Instant expiresAt, String rootFingerprint,
                     String parentNodeId) {
    }

    @Serdeable
    record ChildView(String nodeId, String role, String fingerprint, Instant certificateExpiresAt, Instant enrolledAt,
                     Instant lastContact, Instant revokedAt, String revokedReason) {
    }

    @Serdeable
    record RevocationRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Serdeable
    record CertificateView(String nodeId, NodeRole role, String parentNodeId, String fingerprint, Instant expiresAt,
                           String rootFingerprint, boolean holdsRootKey) {
    }

    @Serdeable
    record RefusalView(long id, Instant occurredAt, String peer, String what, String reason) {
    }

    /** A one-time token with which the named child joins under this node; shown only in this answer. */
    @Post("/enrolment-tokens")
    @Status(HttpStatus.CREATED)
    @Secured(Role.OPERATOR_)
    TokenView issueToken(@Body @Valid TokenRequest request) {
        var issue = tokens.issue(request.nodeId(), request.role(), actor.current());
        if (issue instanceof EnrolmentTokens.Issue.Refused refused) {
            throw new ProblemException(HttpStatus.CONFLICT, refused.reason());
        }
        var issued = (EnrolmentTokens.Issue.Issued) issue;
        return new TokenView(issued.token(), issued.nodeId(), issued.role(), issued.expiresAt(), issued.rootFingerprint(),
                issued.parentNodeId());
    }

    @Get("/children")
    @Secured({Role.OPERATOR_, Role.AUDITOR_})
    List<ChildView> children() {
        return children.all().stream().map(this::view).toList();
    }

    /** Revokes a child: from now on none of its certificates is accepted here, so nothing of its subtree passes. */
    @Post("/children/{nodeId}/revocation")
    @Secured(Role.OPERATOR_)
    ChildView revoke(@PathVariable String nodeId, @Body @Valid RevocationRequest request) {
        return children.revoke(nodeId, request.reason(), actor.current()).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("Enrolled child", nodeId));
    }

    @Get("/certificate")
    @Secured({Role.OPERATOR_, Role.AUDITOR_})
    CertificateView certificate() {
        var held = own.current().orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                "This node has not enrolled with its parent yet."));
        return new CertificateView(held.identity().nodeId(), held.identity().role(), held.identity().parentId(),
                Pki.fingerprint(held.leaf()), held.expiresAt(), Pki.fingerprint(held.root()), own.holdsRootKey());
    }

    /** Renews this node's certificate now (from its parent; central from the root key). */
    @Post("/certificate/renewal")
    @Secured(Role.OPERATOR_)
    CertificateView renew() {
        if (own.current().isEmpty()) {
            throw new ProblemException(HttpStatus.CONFLICT, "This node has not enrolled with its parent yet.");
        }
        try {
            renewal.renewNow(actor.current());
        } catch (io.grpc.StatusRuntimeException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "The parent did not renew the certificate: "
                    + e.getStatus().getCode() + " " + e.getStatus().getDescription());
        }
        return certificate();
    }

    /** What the federation port refused, newest first. */
    @Get("/refusals")
    @Secured({Role.OPERATOR_, Role.AUDITOR_})
    PageView<RefusalView> refusals(@QueryValue(defaultValue = "0") @Min(0) int page,
                                   @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageView.of(refusals.newest(page, size),
                r -> new RefusalView(r.id(), r.occurredAt(), r.peer(), r.what(), r.reason()));
    }

    private ChildView view(EnrolledChildRow r) {
        return new ChildView(r.nodeId(), r.role(), r.fingerprint(), r.notAfter(), r.enrolledAt(),
                children.lastContact(r.nodeId()).orElse(null), r.revokedAt(), r.revokedReason());
    }
}
