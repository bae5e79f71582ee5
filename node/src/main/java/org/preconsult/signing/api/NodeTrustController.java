package org.preconsult.signing.api;

import org.preconsult.common.api.PageView;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Base64;
import java.util.List;
import org.preconsult.identity.model.Role;
import org.preconsult.signing.application.KeyRing;
import org.preconsult.signing.application.RejectedDecisions;
import org.preconsult.signing.application.RotatingNodeKey;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.signing.model.NodeKeyInfo;
import org.preconsult.signing.model.OwnKey;
import org.preconsult.signing.model.RejectedDecision;

/** The node's signing keys, the keys it trusts, and the decisions it refused. */
@Controller("/api/v1/node")
class NodeTrustController {

    private final NodeKeys keys;
    private final RotatingNodeKey rotating;
    private final KeyRing keyRing;
    private final RejectedDecisions rejected;

    NodeTrustController(NodeKeys keys, RotatingNodeKey rotating, KeyRing keyRing, RejectedDecisions rejected) {
        this.keys = keys;
        this.rotating = rotating;
        this.keyRing = keyRing;
        this.rejected = rejected;
    }

    /** This node's own keys, oldest first; exactly one is active. */
    @Get("/keys")
    @Secured({Role.OPERATOR_, Role.AUDITOR_})
    List<NodeKeyView> ownKeys() {
        return keys.all().stream().map(NodeTrustController::view).toList();
    }

    /**
     * Makes a new key the active one. Not idempotent by design: a repeated request rotates again,
     * which is harmless (one more retired key that signed nothing).
     */
    @Post("/keys/rotate")
    @Status(HttpStatus.CREATED)
    @Secured(Role.OPERATOR_)
    NodeKeyView rotate() {
        return view(rotating.rotate());
    }

    /** Every key this node trusts to sign decisions, its own included. */
    @Get("/trusted-keys")
    @Secured({Role.OPERATOR_, Role.AUDITOR_})
    List<NodeKeyView> trustedKeys() {
        return keyRing.all().stream().map(k -> view(k, null, false)).toList();
    }

    /** Decisions this node refused, newest first; {@code page} counts from 0. */
    @Get("/rejected-decisions")
    @Secured({Role.OPERATOR_, Role.AUDITOR_})
    PageView<RejectedDecisionView> rejectedDecisions(@QueryValue(defaultValue = "0") @Min(0) int page,
                                                @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        var found = rejected.list(page, size);
        return PageView.of(found.getContent().stream().map(NodeTrustController::view).toList(), page, size,
                found.getTotalSize());
    }

    private static NodeKeyView view(OwnKey key) {
        return view(key.publicPart(), key.retiredAt(), key.active());
    }

    private static NodeKeyView view(NodeKeyInfo key, java.time.Instant retiredAt, boolean active) {
        return new NodeKeyView(key.nodeId(), key.keyId(), key.algorithm(),
                Base64.getEncoder().encodeToString(key.publicKey()), key.createdAt(), retiredAt, active);
    }

    private static RejectedDecisionView view(RejectedDecision r) {
        return new RejectedDecisionView(r.id(), r.decisionId(), r.signerNode(), r.keyId(), r.reason().name(),
                r.detail(), r.rejectedAt());
    }
}
