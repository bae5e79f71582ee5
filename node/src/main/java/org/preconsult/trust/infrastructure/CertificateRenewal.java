package org.preconsult.trust.infrastructure;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.node.NodeSettings;
import org.preconsult.trust.application.NodeCertificate;
import org.preconsult.trust.application.TrustSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews this node's certificate before it expires: every {@code preconsult.trust.renewal-check}
 * it looks whether the certificate expires within {@code renew-before}, and if so asks its parent
 * for a new one (central re-issues its own from the root key it holds). An operator can renew at
 * any time. Every renewal is in the audit trail; a failed automatic one is logged and tried again.
 */
@Singleton
public class CertificateRenewal {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateRenewal.class);

    private final NodeCertificate own;
    private final ParentConnection parent;
    private final NodeSettings node;
    private final TrustSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    CertificateRenewal(NodeCertificate own, ParentConnection parent, NodeSettings node, TrustSettings settings,
                       AuditTrail audit, Clock clock) {
        this.own = own;
        this.parent = parent;
        this.node = node;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${preconsult.trust.renewal-check:1h}", initialDelay = "${preconsult.trust.renewal-check:1h}")
    void renewIfDue() {
        var held = own.current().orElse(null);
        if (held == null || held.expiresAt().isAfter(clock.instant().plus(settings.renewBefore()))) {
            return;
        }
        try {
            renewNow(CurrentActor.SYSTEM);
        } catch (RuntimeException e) {
            LOG.warn("Renewing this node's certificate, which expires at {}, failed; trying again later: {}",
                    held.expiresAt(), e.toString());
        }
    }

    /** Renews now, whatever the expiry; returns the new certificate. */
    @Transactional
    public NodeCertificate.Held renewNow(String actor) {
        var before = own.require();
        if (own.holdsRootKey()) {
            own.renewFromRoot();
        } else if (node.hasParent()) {
            parent.renew();
        } else {
            throw new IllegalStateException("this node has neither a parent nor the root key to renew with");
        }
        var after = own.require();
        audit.record(actor, "NODE_CERTIFICATE", node.id(), "RENEWED",
                Map.of("fingerprint", Pki.fingerprint(before.leaf()), "expiresAt", before.expiresAt().toString()),
                Map.of("fingerprint", Pki.fingerprint(after.leaf()), "expiresAt", after.expiresAt().toString()));
        return after;
    }
}
