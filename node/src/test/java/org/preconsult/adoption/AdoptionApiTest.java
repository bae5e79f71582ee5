package org.preconsult.adoption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.preconsult.adoption.infrastructure.AdoptionRows;
import org.preconsult.federation.v1.AdoptionMessage;
import org.preconsult.federation.v1.Envelope;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.federation.v1.FeedItem;
import org.preconsult.sync.application.ApplyingFeed;
import org.preconsult.sync.infrastructure.FeedWire;
import org.preconsult.sync.infrastructure.GrpcServer;
import org.preconsult.sync.infrastructure.SyncRepositories.RejectedItemRows;
import org.preconsult.testing.ChildGovernments;
import org.preconsult.testing.NodeFixture;
import org.preconsult.trust.infrastructure.OriginSeals;
import org.preconsult.trust.model.OriginCheck;

/**
 * Adoption at one node spoken to by its API and, as its children would, over its real gRPC port
 * with mutual TLS and sealed envelopes: a child's request is seen as incoming and answered by the
 * owner only; the answer goes down sealed by this node and addressed to the child alone; a forged,
 * altered or replayed message changes nothing, and no node answers for another.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdoptionApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    TokenGenerator tokens;
    @Inject
    GrpcServer grpc;
    @Inject
    ApplicationContext context;
    @Inject
    AdoptionRows.Adoptions adoptionRows;
    @Inject
    AdoptionRows.Notices noticeRows;
    @Inject
    RejectedItemRows rejectedItems;
    @Inject
    OriginSeals seals;
    @Inject
    ApplyingFeed applyingFeed;

    private ChildGovernments governments;
    private String ownEntry;
    private String incomingId;
    private String outgoingId;

    @Override
    public Map<String, String> getProperties() {
        var props = new HashMap<>(NodeFixture.nodeProperties());
        props.put("preconsult.node.role", "CENTRAL");
        props.put("preconsult.node.name", "Ministry");
        props.put("preconsult.sync.heartbeat", "300ms");
        return props;
    }

    @BeforeAll
    void connect() {
        governments = ChildGovernments.enrol(context, grpc.port(), "prov-x", "prov-y");
        var system = call("POST", "/api/v1/systems", "{\"name\":\"Permit portal\",\"description\":\"Residents apply online.\"}",
                "COORDINATOR");
        ownEntry = NodeFixture.NODE_ID + ":system:" + system.json().get("id");
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        governments.close();
    }

    private NodeFixture.Reply call(String method, String path, String body, String role) {
        MutableHttpRequest<Object> request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path);
        if (body != null) {
            request.body(body).contentType("application/json");
        }
        return NodeFixture.send(http.toBlocking(), json, NodeFixture.as(tokens, request, role));
    }

    private Envelope envelope(String origin, AdoptionMessage.Builder message) {
        return governments.envelope(origin, message);
    }

    private static AdoptionMessage.Builder message(String from, String kind, String adoptionId, String entryId) {
        return ChildGovernments.message(from, kind, adoptionId, entryId);
    }

    /** Pushes as {@code sender} an envelope sealed by {@code sealer} (the same child, unless a test forges). */
    private EnvelopeAck push(String sender, String sealer, Envelope envelope) {
        return governments.push(sender, sealer, envelope);
    }

    private EnvelopeAck push(String sender, Envelope sealed) {
        return governments.push(sender, sealed);
    }

    private List<FeedItem> feedOf(String child) {
        return governments.feedOf(child);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> adoption(String direction, String id) {
        var items = (List<Map<String, Object>>) call("GET", "/api/v1/adoptions?direction=" + direction, null, "AUDITOR").json().get("items");
        return items.stream().filter(a -> id.equals(a.get("id"))).findFirst().orElse(Map.of());
    }

    @Test
    @Order(1)
    void childsRequest_isIncoming_theOwnerAccepts_andTheAnswerGoesDownSealedToThatChildAlone() {
        incomingId = "prov-x:adoption:1";
        var request = envelope("prov-x", message("prov-x", "REQUEST", incomingId, ownEntry).setText("We would reuse it."));
        assertEquals(EnvelopeAck.Result.ACCEPTED, push("prov-x", "prov-x", request).getResult());
        assertEquals("REQUESTED", adoption("incoming", incomingId).get("state"));

        assertEquals(403, call("POST", "/api/v1/adoptions/" + incomingId + "/acceptance", "{}", "SUBMITTER").status());
        assertEquals(400, call("POST", "/api/v1/adoptions/" + incomingId + "/decline", "{}", "OPERATOR").status(),
                "a decline needs its reason");
        var accepted = call("POST", "/api/v1/adoptions/" + incomingId + "/acceptance", "{\"reason\":\"Welcome.\"}", "OPERATOR");
        assertEquals(200, accepted.status(), String.valueOf(accepted.json()));
        assertEquals("ACCEPTED", accepted.json().get("state"));
        assertEquals(409, call("POST", "/api/v1/adoptions/" + incomingId + "/acceptance", "{}", "OPERATOR").status());

        @SuppressWarnings("unchecked")
        var relations = (List<Map<String, Object>>) call("GET", "/api/v1/catalogue/entries/" + ownEntry, null, "SUBMITTER")
                .json().get("relations");
        assertTrue(relations.contains(Map.of("type", "USED_BY", "target", "Province X (prov-x)")), relations.toString());

        var down = feedOf("prov-x");
        assertEquals(1, down.size(), "the acceptance is addressed to prov-x");
        assertEquals("prov-x", down.get(0).getAddress());
        var sealed = down.get(0).getAddressedEnvelope();
        assertEquals("ACCEPTED", sealed.getAdoptionMessage().getKind());
        assertTrue(seals.checkRelayed(sealed) instanceof OriginCheck.Authentic, "sealed by this node, its origin");
        assertEquals(List.of(), feedOf("prov-y"), "a node off the route never receives it");
    }

    @Test
    @Order(2)
    void replayedRequest_isAppliedOnce_evenUnderANewSeq() {
        var message = message("prov-x", "REQUEST", "prov-x:adoption:2", ownEntry);
        assertEquals(EnvelopeAck.Result.ACCEPTED, push("prov-x", "prov-x", envelope("prov-x", message)).getResult());
        long adoptions = adoptionRows.count();
        var replay = push("prov-x", "prov-x", envelope("prov-x", message));
        assertEquals(EnvelopeAck.Result.ACCEPTED, replay.getResult(), "acknowledged, so the sender stops");
        assertEquals(adoptions, adoptionRows.count(), "and applied once");
        var again = push("prov-x", "prov-x", envelope("prov-x", message("prov-x", "REQUEST", "prov-x:adoption:2", ownEntry)));
        assertEquals(EnvelopeAck.Result.REJECTED, again.getResult(), "a second request under the same adoption id");
    }

    @Test
    @Order(3)
    void forgedOrAlteredMessages_areRefused_andChangeNothing() {
        long adoptions = adoptionRows.count();
        // Altered after sealing: the origin's signature no longer matches.
        var sealed = governments.seal("prov-x", envelope("prov-x", message("prov-x", "REQUEST", "prov-x:adoption:3", ownEntry)));
        var altered = sealed.toBuilder().setAdoptionMessage(sealed.getAdoptionMessage().toBuilder().setText("Give it to us.")).build();
        assertEquals(EnvelopeAck.Result.REJECTED, push("prov-x", altered).getResult());
        // Sealed by prov-y in prov-x's name.
        var forged = envelope("prov-x", message("prov-x", "REQUEST", "prov-x:adoption:4", ownEntry));
        assertEquals(EnvelopeAck.Result.REJECTED, push("prov-y", "prov-y", forged).getResult());
        // prov-y's own envelope carrying a message from prov-x.
        var borrowed = envelope("prov-y", message("prov-x", "REQUEST", "prov-x:adoption:5", ownEntry));
        var refused = push("prov-y", "prov-y", borrowed);
        assertEquals(EnvelopeAck.Result.REJECTED, refused.getResult(), refused.getReason());
        assertEquals(adoptions, adoptionRows.count());
    }

    @Test
    @Order(4)
    void aNodeCannotAcceptOnBehalfOfTheOwner() {
        String theirEntry = governments.announceSystem("prov-x", "sys-1", "Water meters", "Reads water meters.");

        assertEquals(409, call("POST", "/api/v1/adoptions", "{\"entryId\":\"" + ownEntry + "\"}", "COORDINATOR").status(),
                "this node's own entry is not adopted");
        assertEquals(404, call("POST", "/api/v1/adoptions", "{\"entryId\":\"no-such-entry\"}", "COORDINATOR").status());
        assertEquals(403, call("POST", "/api/v1/adoptions", "{\"entryId\":\"" + theirEntry + "\"}", "OPERATOR").status());
        var requested = call("POST", "/api/v1/adoptions", "{\"entryId\":\"" + theirEntry + "\",\"motivation\":\"Same need.\"}",
                "COORDINATOR");
        assertEquals(201, requested.status(), String.valueOf(requested.json()));
        outgoingId = (String) requested.json().get("id");
        assertEquals(1, feedOf("prov-x").stream().filter(i -> i.getAddressedEnvelope().getAdoptionMessage().getKind()
                .equals("REQUEST")).count(), "the request is addressed to the owner");
        assertEquals(409, call("POST", "/api/v1/adoptions/" + outgoingId + "/acceptance", "{}", "OPERATOR").status(),
                "the adopter cannot accept its own request");

        var impostor = envelope("prov-y", message("prov-y", "ACCEPTED", outgoingId, theirEntry));
        var refused = push("prov-y", "prov-y", impostor);
        assertEquals(EnvelopeAck.Result.REJECTED, refused.getResult());
        assertTrue(refused.getReason().contains("owner prov-x"), refused.getReason());
        assertEquals("REQUESTED", adoption("outgoing", outgoingId).get("state"));

        var owner = envelope("prov-x", message("prov-x", "ACCEPTED", outgoingId, theirEntry));
        assertEquals(EnvelopeAck.Result.ACCEPTED, push("prov-x", "prov-x", owner).getResult());
        assertEquals("ACCEPTED", adoption("outgoing", outgoingId).get("state"));
    }

    @Test
    @Order(5)
    void noticesFromTheParentsFeed_areVerifiedAtTheAddressee_andAppliedOnce() {
        long rejectedBefore = rejectedItems.count();
        long noticesBefore = noticeRows.count();
        long position = 1_000_000;
        var notice = governments.seal("prov-x", envelope("prov-x",
                message("prov-x", "CHANGE_NOTICE", outgoingId, "prov-x:system:sys-1").setText("New meter models.")));
        var altered = notice.toBuilder().setAdoptionMessage(notice.getAdoptionMessage().toBuilder().setText("Retired.")).build();
        applyingFeed.apply(FeedWire.pulled(FeedItem.newBuilder().setPosition(++position).setAddress(NodeFixture.NODE_ID)
                .setAddressedEnvelope(altered).build()));
        assertEquals(rejectedBefore + 1, rejectedItems.count(), "the altered notice is recorded as rejected");
        assertEquals(noticesBefore, noticeRows.count());

        var misaddressed = FeedItem.newBuilder().setPosition(++position).setAddress("prov-y").setAddressedEnvelope(notice).build();
        applyingFeed.apply(FeedWire.pulled(misaddressed));
        assertEquals(rejectedBefore + 2, rejectedItems.count(), "an item whose address is not the message's is refused");

        for (int i = 0; i < 2; i++) {
            applyingFeed.apply(FeedWire.pulled(FeedItem.newBuilder().setPosition(++position).setAddress(NodeFixture.NODE_ID)
                    .setAddressedEnvelope(notice).build()));
        }
        assertEquals(noticesBefore + 1, noticeRows.count(), "the same notice twice is applied once");
        @SuppressWarnings("unchecked")
        var received = (List<Map<String, Object>>) call("GET", "/api/v1/adoption-notices", null, "COORDINATOR").json().get("items");
        assertTrue(received.stream().anyMatch(n -> "New meter models.".equals(n.get("text"))), received.toString());
        assertFalse(received.stream().anyMatch(n -> "Retired.".equals(n.get("text"))));

        var recorded = call("POST", "/api/v1/adoptions/" + outgoingId + "/notices", "{\"text\":\"We changed the report.\"}",
                "COORDINATOR");
        assertEquals(201, recorded.status(), String.valueOf(recorded.json()));
        assertEquals(2, ((List<?>) recorded.json().get("notices")).size());
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void aConditionToAdoptAnAlreadyAdoptedSystem_isFulfilledWhenTheDecisionArrives() {
        String plan = (String) call("POST", "/api/v1/plans", "{\"title\":\"Water meter readings\","
                + "\"purpose\":\"Read household water meters remotely and bill by consumption every month.\","
                + "\"functions\":[\"meter reading\",\"billing\"],\"functionCode\":\"WATER\",\"budget\":120000000,"
                + "\"plannedStart\":\"2027-03-01\",\"plannedEnd\":\"2027-12-31\",\"platform\":\"Java web application\","
                + "\"language\":\"en\"}", "COORDINATOR").json().get("id");
        assertEquals(200, call("POST", "/api/v1/plans/" + plan + "/submission", null, "COORDINATOR").status());
        var cases = (List<Map<String, Object>>) call("GET", "/api/v1/review-cases?status=OPEN", null, "REVIEWER").json().get("items");
        assertEquals(1, cases.size(), "the plan's case is the only open one");
        String caseId = (String) cases.get(0).get("id");
        var decided = call("POST", "/api/v1/review-cases/" + caseId + "/decision", "{\"outcome\":\"CONDITIONAL_APPROVAL\","
                + "\"reasons\":[\"Province X runs water meters.\"],\"overrideReason\":\"Same functions.\","
                + "\"conditions\":[{\"text\":\"Adopt Province X's water meters.\",\"entryId\":\"prov-x:system:sys-1\"}]}",
                "REVIEWER");
        assertEquals(200, decided.status(), String.valueOf(decided.json()));
        var conditions = (List<Map<String, Object>>) call("GET", "/api/v1/plans/" + plan, null, "COORDINATOR").json().get("conditions");
        assertEquals("FULFILLED", conditions.get(0).get("status"), conditions.toString());
    }
}
