package org.preconsult.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.node.NodeRole;
import org.preconsult.testing.NodeFixture;
import org.preconsult.testing.PostgresNode;
import org.preconsult.trust.application.EnrolledChildren;
import org.preconsult.trust.application.EnrollingChildren;
import org.preconsult.trust.application.EnrolmentTokens;
import org.preconsult.trust.application.TrustRefusals;
import org.preconsult.trust.infrastructure.Pki;
import org.preconsult.trust.model.Enrolment;

/** Enrolment, its one-time tokens, revocation and the record of refusals, on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrolmentOnPostgresTest {

    private PostgresNode central;
    private ApplicationContext node;

    @BeforeAll
    void startCentralOnPostgres() {
        central = PostgresNode.start(NodeFixture.nodeProperties("CENTRAL"));
        node = central.context();
    }

    @AfterAll
    void stop() {
        if (central != null) {
            central.close();
        }
    }

    @Test
    void provinceEnrolsOnce_thenIsRevoked_andEveryRefusalIsListed() {
        var issued = assertInstanceOf(EnrolmentTokens.Issue.Issued.class,
                node.getBean(EnrolmentTokens.class).issue("prov-pg", NodeRole.PROVINCIAL, "operator"));
        var keys = Pki.newKeyPair();
        var enrolling = node.getBean(EnrollingChildren.class);

        var enrolled = assertInstanceOf(Enrolment.Enrolled.class,
                enrolling.enrol(issued.token(), "prov-pg", Pki.csr(keys, "prov-pg"), "test"));
        var certificate = Pki.certificate(enrolled.chain().get(0));
        assertEquals("prov-pg", Pki.identity(certificate).orElseThrow().nodeId());
        assertEquals(NodeRole.PROVINCIAL, Pki.identity(certificate).orElseThrow().role());
        assertEquals(NodeFixture.NODE_ID, Pki.identity(certificate).orElseThrow().parentId());

        var again = assertInstanceOf(Enrolment.Refused.class,
                enrolling.enrol(issued.token(), "prov-pg", Pki.csr(Pki.newKeyPair(), "prov-pg"), "test"));
        assertTrue(again.reason().contains("already used"), again.reason());

        var children = node.getBean(EnrolledChildren.class);
        assertEquals(Pki.fingerprint(certificate), children.find("prov-pg").orElseThrow().fingerprint());
        assertInstanceOf(EnrolledChildren.Admission.Admitted.class, children.admit("prov-pg", Pki.fingerprint(certificate)));
        assertNotNull(children.revoke("prov-pg", "test revocation", "operator").orElseThrow().revokedAt());
        assertInstanceOf(EnrolledChildren.Admission.Refused.class, children.admit("prov-pg", Pki.fingerprint(certificate)));

        var refusals = node.getBean(TrustRefusals.class).newest(0, 10).getContent();
        assertTrue(refusals.stream().anyMatch(r -> r.what().equals("ENROLMENT") && r.reason().contains("already used")));
    }
}
