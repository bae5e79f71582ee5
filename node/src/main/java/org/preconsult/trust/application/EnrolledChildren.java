package org.preconsult.trust.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.trust.infrastructure.TrustRepositories.EnrolledChildRows;
import org.preconsult.trust.infrastructure.TrustRows.EnrolledChildRow;

/**
 * The children this node enrolled, with the one certificate of each it accepts: the last it issued.
 * An older certificate of the same child (superseded by a renewal or a new enrolment) and any
 * certificate of a revoked child are refused on the federation port.
 *
 * <p>The rows are cached in memory (read on every call); every change goes through this class,
 * which updates the cache after the row.
 */
@Singleton
public class EnrolledChildren {

    /** Why a child's certificate is not accepted, or empty when it is. */
    public sealed interface Admission {
        record Admitted() implements Admission {
        }

        record Refused(String reason) implements Admission {
        }
    }

    private final EnrolledChildRows rows;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, EnrolledChildRow> cache = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastContact = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    EnrolledChildren(EnrolledChildRows rows, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    private void load() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    rows.findAll().forEach(r -> cache.put(r.nodeId(), r));
                    loaded = true;
                }
            }
        }
    }

    /** Whether a call with the given child certificate may go on; notes the contact. */
    public Admission admit(String nodeId, String fingerprint) {
        load();
        var row = cache.get(nodeId);
        if (row == null) {
            return new Admission.Refused(nodeId + " is not enrolled here");
        }
        if (row.revokedAt() != null) {
            return new Admission.Refused(nodeId + "'s enrolment was revoked at " + row.revokedAt() + ": " + row.revokedReason());
        }
        if (!row.fingerprint().equals(fingerprint)) {
            return new Admission.Refused(nodeId + " presented a certificate that was superseded or never issued here");
        }
        lastContact.put(nodeId, clock.instant());
        return new Admission.Admitted();
    }

    /** The child's row, if this node enrolled it. */
    public Optional<EnrolledChildRow> find(String nodeId) {
        load();
        return Optional.ofNullable(cache.get(nodeId));
    }

    /** Whether this node revoked the child: then no chain that holds one of its certificates is accepted. */
    public boolean revoked(String nodeId) {
        load();
        var row = cache.get(nodeId);
        return row != null && row.revokedAt() != null;
    }

    /** Records the certificate just issued to a child, in the enrolment's transaction. */
    @Transactional
    public void issued(EnrolledChildRow row, String actor, boolean renewal) {
        load();
        var before = rows.findById(row.nodeId());
        if (before.isPresent()) {
            rows.update(row);
        } else {
            rows.save(row);
        }
        audit.record(actor, "ENROLLED_NODE", row.nodeId(), renewal ? "RENEWED" : "ENROLLED",
                before.map(EnrolledChildren::view).orElse(null), view(row));
        cache.put(row.nodeId(), row);
    }

    /** Revokes a child: none of its certificates is accepted any more. Empty if it was not enrolled here. */
    @Transactional
    public Optional<EnrolledChildRow> revoke(String nodeId, String reason, String actor) {
        load();
        var before = rows.findById(nodeId);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        var b = before.get();
        var after = new EnrolledChildRow(b.nodeId(), b.role(), b.fingerprint(), b.serial(), b.notAfter(), b.enrolledAt(),
                b.renewedAt(), clock.instant(), reason);
        rows.update(after);
        audit.record(actor, "ENROLLED_NODE", nodeId, "REVOKED", view(b), view(after), reason);
        cache.put(nodeId, after);
        return Optional.of(after);
    }

    @Transactional(readOnly = true)
    public List<EnrolledChildRow> all() {
        return rows.findAllOrderByNodeId();
    }

    public Optional<Instant> lastContact(String nodeId) {
        return Optional.ofNullable(lastContact.get(nodeId));
    }

    private static Map<String, Object> view(EnrolledChildRow r) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("nodeId", r.nodeId());
        m.put("role", r.role());
        m.put("fingerprint", r.fingerprint());
        m.put("notAfter", r.notAfter().toString());
        m.put("revoked", r.revokedAt() != null);
        return m;
    }
}
