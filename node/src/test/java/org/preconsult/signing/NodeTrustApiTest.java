package org.preconsult.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preconsult.testing.NodeFixture.as;
import static org.preconsult.testing.NodeFixture.getAs;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.federation.v1.SignedDecision;
import org.preconsult.identity.model.Role;
import org.preconsult.signing.api.NodeKeyView;
import org.preconsult.signing.infrastructure.SignedDecisions;
import org.preconsult.testing.NodeFixture;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeTrustApiTest implements TestPropertyProvider {

    @Inject
    TokenGenerator tokens;
    @Inject
    SignedDecisions decisions;
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return NodeFixture.nodeProperties();
    }

    @Test
    void operatorRotatesTheKey_andTheAuditorSeesOneActiveKeyAndTheRetiredOne() {
        List<NodeKeyView> before = keys(Role.AUDITOR_);
        assertEquals(1, before.stream().filter(NodeKeyView::active).count());

        NodeKeyView rotated = http.toBlocking().retrieve(
                as(tokens, HttpRequest.POST("/api/v1/node/keys/rotate", ""), Role.OPERATOR_), NodeKeyView.class);

        List<NodeKeyView> after = keys(Role.AUDITOR_);
        assertEquals(before.size() + 1, after.size());
        NodeKeyView active = after.stream().filter(NodeKeyView::active).findFirst().orElseThrow();
        assertEquals(rotated.keyId(), active.keyId());
        NodeKeyView retired = after.stream().filter(k -> k.keyId().equals(before.get(0).keyId())).findFirst().orElseThrow();
        assertFalse(retired.active());
        assertNotNull(retired.retiredAt());
        assertEquals(44, Base64.getDecoder().decode(active.publicKey()).length, "X.509 encoded Ed25519 key");

        Map<String, Object> audit = http.toBlocking().retrieve(
                getAs(tokens, "/api/v1/audit?entityType=node_key", Role.AUDITOR_), Argument.mapOf(String.class, Object.class));
        assertTrue(((Number) audit.get("totalItems")).intValue() >= 1, "rotation is in the audit trail");
    }

    @Test
    void onlyTheOperatorMayRotate() {
        var forbidden = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                as(tokens, HttpRequest.POST("/api/v1/node/keys/rotate", ""), Role.AUDITOR_)));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus());
    }

    @Test
    void refusedDecisions_areListedForTheOperator_butNotForASubmitter() {
        decisions.verify(SignedDecision.newBuilder().setSignerNode("central").build(), NodeFixture.NODE_ID);

        Map<String, Object> page = http.toBlocking().retrieve(
                getAs(tokens, "/api/v1/node/rejected-decisions", Role.OPERATOR_), Argument.mapOf(String.class, Object.class));
        var items = (List<Map<String, Object>>) page.get("items");
        assertEquals("MALFORMED", items.get(0).get("reason"));
        assertEquals("central", items.get(0).get("signerNode"));

        var forbidden = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                getAs(tokens, "/api/v1/node/rejected-decisions", Role.SUBMITTER_)));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus());
    }

    @Test
    void ownKeysAreInTheTrustedKeys() {
        List<NodeKeyView> trusted = http.toBlocking().retrieve(getAs(tokens, "/api/v1/node/trusted-keys", Role.OPERATOR_),
                Argument.listOf(NodeKeyView.class));
        List<NodeKeyView> own = keys(Role.OPERATOR_);
        assertTrue(trusted.stream().map(NodeKeyView::keyId).toList()
                .containsAll(own.stream().map(NodeKeyView::keyId).toList()));
    }

    private List<NodeKeyView> keys(String role) {
        return http.toBlocking().retrieve(getAs(tokens, "/api/v1/node/keys", role), Argument.listOf(NodeKeyView.class));
    }
}
