package org.preconsult.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.preconsult.signing.DecisionFixture.decision;
import static org.preconsult.signing.DecisionFixture.signedWith;
import static org.preconsult.testing.NodeFixture.NODE_ID;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.model.AuditQuery;
import org.preconsult.signing.application.KeyRing;
import org.preconsult.signing.infrastructure.NodeKeys;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.signing.model.RejectionReason;
import org.preconsult.signing.model.ReplayCheck;
import org.preconsult.signing.model.TrustResult;
import org.preconsult.signing.model.Verification;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.PostgresNode;

/** The same trust rules on PostgreSQL, where a failed insert would abort the applying transaction. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustOnPostgresTest {

    private PostgresNode local;
    private ApplicationContext node;

    @BeforeAll
    void startNodeOnPostgres() {
        local = PostgresNode.start(NodeFixture.nodeProperties());
        node = local.context();
    }

    @AfterAll
    void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void decisionIsVerifiedAppliedOnce_andItsReplayIsRefused_withoutBreakingTheTransaction() throws Exception {
        var central = new NodeKeys(Files.createTempDirectory("central-"), "central", Clock.systemUTC());
        var keyRing = node.getBean(KeyRing.class);
        var decisions = node.getBean(SignedDecisions.class);
        TransactionOperations<Connection> tx = node.getBean(Argument.of(TransactionOperations.class, Connection.class));
        assertInstanceOf(TrustResult.Added.class, keyRing.trust(central.active().publicPart()));
        assertInstanceOf(TrustResult.AlreadyTrusted.class, keyRing.trust(central.active().publicPart()));
        var content = decision("central", NODE_ID, "plan-pg", 1);
        var signed = signedWith(central, content);

        assertInstanceOf(Verification.Verified.class, decisions.verify(signed, NODE_ID));
        assertInstanceOf(ReplayCheck.Fresh.class, tx.executeWrite(s -> decisions.markApplied(content)));

        // The conflicting insert is answered inside the same transaction, which still commits its audit row.
        long audited = tx.executeWrite(s -> {
            var again = decisions.markApplied(content);
            assertEquals(RejectionReason.REPLAYED, assertInstanceOf(ReplayCheck.Replayed.class, again).reason());
            return node.getBean(AuditTrail.class).record("system", "plan", "plan-pg", "DECISION_REPLAY_IGNORED", null, null);
        });
        var rejection = decisions.verify(signed, NODE_ID);
        assertEquals(RejectionReason.REPLAYED, assertInstanceOf(Verification.Rejected.class, rejection).reason());
        var conflicting = decisions.verify(signedWith(central, decision("central", NODE_ID, "plan-pg", 1)), NODE_ID);
        assertEquals(RejectionReason.CONFLICTING_DECISION, assertInstanceOf(Verification.Rejected.class, conflicting).reason());

        var found = node.getBean(AuditTrail.class).find(new AuditQuery("plan", "plan-pg", null), 0, 10);
        assertEquals(1, found.total());
        assertEquals(audited, found.events().get(0).id());
    }
}
