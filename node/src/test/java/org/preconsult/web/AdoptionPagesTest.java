package org.preconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.preconsult.adoption.application.Adoptions;
import org.preconsult.adoption.infrastructure.AdoptionRows;
import org.preconsult.federation.v1.EnvelopeAck;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;
import org.preconsult.sync.infrastructure.GrpcServer;
import org.preconsult.testing.ChildGovernments;
import org.preconsult.testing.NodeClient;
import org.preconsult.testing.NodeFixture;

/**
 * The adoption pages at one node (central, with a province enrolled as its child and playing the
 * other government): a coordinator requests to adopt the province's system from its catalogue entry;
 * the province's request for one of this node's systems is answered through the page by an operator;
 * change notices are written and sent by themselves. Bad input, a missing CSRF token and a role
 * without the right store nothing and write no audit entry.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdoptionPagesTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;
    @Inject
    ApplicationContext context;
    @Inject
    GrpcServer grpc;
    @Inject
    NodeClient api;
    @Inject
    ManagingUsers users;
    @Inject
    Adoptions adoptions;
    @Inject
    AdoptionRows.Adoptions adoptionRows;
    @Inject
    AdoptionRows.Notices noticeRows;
    @Inject
    DataSource dataSource;
    HttpClient http;
    ChildGovernments governments;

    @Override
    public Map<String, String> getProperties() {
        var props = new HashMap<>(NodeFixture.nodeProperties("CENTRAL"));
        props.put("preconsult.node.name", "Ministry");
        return props;
    }

    @BeforeAll
    void setUp() {
        http = PageClient.withoutRedirects(server.getURL());
        users.create("coord", "coordinator-password", "Kang Coordinator", EnumSet.of(Role.COORDINATOR));
        users.create("op", "operator-password", "Oh Operator", EnumSet.of(Role.OPERATOR));
        users.create("aud", "auditor-password", "An Auditor", EnumSet.of(Role.AUDITOR));
        users.create("sub", "submitter-password", "Seo Submitter", EnumSet.of(Role.SUBMITTER));
        governments = ChildGovernments.enrol(context, grpc.port(), "prov-x");
    }

    @AfterAll
    void tearDown() throws InterruptedException {
        governments.close();
    }

    private PageClient signedIn(String username, String password) {
        return PageClient.signedIn(http, username, password);
    }

    /** Registers a system of this node through the API; returns its catalogue entry id. */
    private String ownSystem(String name) {
        var system = api.send(HttpRequest.POST("/api/v1/systems", Map.of("name", name,
                "description", "Residents use " + name + " online.")), "COORDINATOR");
        assertEquals(201, system.status(), String.valueOf(system.json()));
        return NodeFixture.NODE_ID + ":system:" + system.json().get("id");
    }

    /** The province asks to adopt one of this node's entries; returns the adoption's id. */
    private String incomingRequest(String adoptionId, String entryId, String motivation) {
        var request = governments.envelope("prov-x", ChildGovernments.message("prov-x", "REQUEST", adoptionId, entryId)
                .setText(motivation));
        assertEquals(EnvelopeAck.Result.ACCEPTED, governments.push("prov-x", "prov-x", request).getResult());
        return adoptionId;
    }

    private String state(String adoptionId) {
        return adoptions.get(adoptionId).orElseThrow().state().name();
    }

    private long audited(String action) {
        try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var s = c.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'ADOPTION' AND action = ?")) {
            s.setString(1, action);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String entryPage(String entryId) {
        return "/catalogue/entry?id=" + java.net.URLEncoder.encode(entryId, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aCoordinatorRequestsToAdoptAnotherGovernmentsSystem_fromItsEntryPage_andBadInputStoresNothing() {
        String theirs = governments.announceSystem("prov-x", "meters", "Water meters", "Reads household water meters remotely.");
        String copy = ownSystem("Water meters, customized");
        var coordinator = signedIn("coord", "coordinator-password");
        var entry = coordinator.body(entryPage(theirs));
        assertTrue(entry.contains("id=\"adoption-request-form\"") && entry.contains("value=\"" + copy + "\""),
                "the form, offering this node's own entries as the copy: " + entry);
        assertFalse(coordinator.body(entryPage(copy)).contains("adoption-panel"), "this node's own entry is not adopted");
        var auditor = signedIn("aud", "auditor-password");
        assertFalse(auditor.body(entryPage(theirs)).contains("adoption-request-form"), "not offered without the coordinator role");

        long before = adoptionRows.count();
        long audits = audited("REQUESTED");
        coordinator.body(entryPage(theirs));
        var foreignCopy = coordinator.submit("/adoptions", Map.of("entryId", theirs, "copyEntryId", theirs,
                "motivation", "Same need in the capital."));
        assertEquals(400, foreignCopy.code());
        assertTrue(foreignCopy.body().contains("govuk-error-summary") && foreignCopy.body().contains("href=\"#copyEntryId\"")
                && foreignCopy.body().contains(">Same need in the capital.</textarea>"), "the error, the form kept: " + foreignCopy.body());
        var tooLong = coordinator.submit("/adoptions", Map.of("entryId", theirs, "motivation", "x".repeat(1001)));
        assertEquals(400, tooLong.code());
        assertTrue(tooLong.body().contains("href=\"#motivation\""), tooLong.body());
        assertEquals(403, coordinator.post("/adoptions", Map.of("entryId", theirs)).code(), "no CSRF token");
        auditor.body("/adoptions");
        assertEquals(403, auditor.submit("/adoptions", Map.of("entryId", theirs)).code(), "an auditor cannot request");
        assertEquals(before, adoptionRows.count(), "nothing stored");
        assertEquals(audits, audited("REQUESTED"), "nothing audited");

        coordinator.body(entryPage(theirs));
        var requested = coordinator.submit("/adoptions", Map.of("entryId", theirs, "copyChoice", copy,
                "motivation", "Same need in the capital."));
        assertEquals(303, requested.code(), requested.body());
        String location = requested.getHeaders().get("Location");
        String id = location.substring("/adoptions/".length(), location.indexOf('?'));
        assertEquals("REQUESTED", state(id));
        assertEquals(copy, adoptions.get(id).orElseThrow().copyEntryId());
        assertEquals(audits + 1, audited("REQUESTED"));
        var shown = coordinator.body(location);
        assertTrue(shown.contains("id=\"notice\"") && shown.contains("Requested") && shown.contains("Same need in the capital."), shown);
        assertFalse(shown.contains("id=\"accept-form\""), "the adopter does not answer its own request");
        assertTrue(governments.feedOf("prov-x").stream().anyMatch(i -> i.getAddressedEnvelope().getAdoptionMessage()
                .getAdoptionId().equals(id)), "the request went to the owner");

        var after = coordinator.body(entryPage(theirs));
        assertTrue(after.contains("id=\"adoption-existing\"") && after.contains("href=\"/adoptions/" + id + "\"")
                && !after.contains("adoption-request-form"), "the state and a link instead of the form: " + after);
        var again = coordinator.submit("/adoptions", Map.of("entryId", theirs));
        assertEquals(400, again.code());
        assertTrue(again.body().contains("already asked to adopt"), again.body());

        coordinator.body(location);
        long accepts = audited("ACCEPTED");
        var ownAccept = coordinator.submit("/adoptions/" + id + "/acceptance", Map.of("acceptReason", "Granted to ourselves."));
        assertEquals(409, ownAccept.code(), "a node cannot accept its own outgoing request");
        assertTrue(ownAccept.body().contains("<html"), "the conflict page");
        assertEquals("REQUESTED", state(id));
        assertEquals(accepts, audited("ACCEPTED"), "nothing audited");
        var list = coordinator.body("/adoptions");
        assertTrue(list.contains("id=\"outgoing\"") && list.contains("Water meters") && list.contains("Province X (prov-x)"), list);
    }

    @Test
    void theOwnersOperatorAcceptsAnIncomingRequestThroughThePage_andADeclineWithoutAReasonStoresNothing() {
        String ours = ownSystem("Permit portal");
        String older = incomingRequest("prov-x:adoption:older", ownSystem("Parking permits"), "We need parking permits too.");
        String id = incomingRequest("prov-x:adoption:permits", ours, "We would reuse it.");
        var operator = signedIn("op", "operator-password");
        var page = operator.body("/adoptions/" + id);
        assertTrue(page.contains("id=\"accept-form\"") && page.contains("id=\"decline-form\"") && page.contains("We would reuse it."), page);

        long declines = audited("DECLINED");
        var empty = operator.submit("/adoptions/" + id + "/decline", Map.of("declineReason", "   "));
        assertEquals(400, empty.code());
        assertTrue(empty.body().contains("govuk-error-summary") && empty.body().contains("href=\"#declineReason\""), empty.body());
        assertEquals("REQUESTED", state(id), "nothing stored");
        assertEquals(declines, audited("DECLINED"), "nothing audited");
        assertEquals(403, operator.post("/adoptions/" + id + "/acceptance", Map.of("acceptReason", "Welcome.")).code(),
                "no CSRF token");
        var auditor = signedIn("aud", "auditor-password");
        assertFalse(auditor.body("/adoptions/" + id).contains("id=\"accept-form\""), "an auditor reads, without the forms");
        assertEquals(403, auditor.submit("/adoptions/" + id + "/acceptance", Map.of("acceptReason", "Welcome.")).code());
        assertEquals("REQUESTED", state(id));

        long accepts = audited("ACCEPTED");
        operator.body("/adoptions/" + id);
        var accepted = operator.submit("/adoptions/" + id + "/acceptance", Map.of("acceptReason", "Welcome, Province X."));
        assertEquals(303, accepted.code(), accepted.body());
        assertEquals("ACCEPTED", state(id));
        assertEquals(accepts + 1, audited("ACCEPTED"));
        var shown = operator.body(accepted.getHeaders().get("Location"));
        assertTrue(shown.contains("id=\"notice\"") && shown.contains("Accepted") && shown.contains("Welcome, Province X.")
                && !shown.contains("id=\"accept-form\""), shown);
        assertEquals(409, operator.submit("/adoptions/" + id + "/decline", Map.of("declineReason", "Changed our mind.")).code(),
                "answered once");

        var list = operator.body("/adoptions");
        assertTrue(list.indexOf(older) < list.indexOf(id) && list.indexOf(older) > 0, "the open request first: " + list);
        var korean = new PageClient(http);
        korean.acceptLanguage = "ko";
        korean.signIn("aud", "auditor-password");
        var ko = korean.body("/adoptions");
        assertTrue(ko.contains("<html lang=\"ko\"") && ko.contains("수락됨") && ko.contains("요청됨"), ko);
        assertTrue(ko.contains("href=\"/adoptions\""), "in the menu");
    }

    @Test
    void changeNotices_writtenByACoordinator_andSentByThemselves_areShownOnTheAdoption() {
        var system = api.send(HttpRequest.POST("/api/v1/systems", Map.of("name", "School meals",
                "description", "Parents order school meals online.")), "COORDINATOR");
        String systemId = (String) system.json().get("id");
        String id = incomingRequest("prov-x:adoption:meals", NodeFixture.NODE_ID + ":system:" + systemId, "Our schools too.");
        assertEquals("Done", adoptions.answer(id, true, null).getClass().getSimpleName());

        var coordinator = signedIn("coord", "coordinator-password");
        assertTrue(coordinator.body("/adoptions/" + id).contains("id=\"notice-form\""));
        long notices = noticeRows.count();
        var empty = coordinator.submit("/adoptions/" + id + "/notices", Map.of("noticeText", ""));
        assertEquals(400, empty.code());
        assertTrue(empty.body().contains("href=\"#noticeText\""), empty.body());
        assertEquals(notices, noticeRows.count(), "nothing stored");
        var operator = signedIn("op", "operator-password");
        operator.body("/adoptions/" + id);
        assertEquals(403, operator.submit("/adoptions/" + id + "/notices", Map.of("noticeText", "From the operator.")).code());

        var sent = coordinator.submit("/adoptions/" + id + "/notices", Map.of("noticeText", "The menu export changed."));
        assertEquals(303, sent.code(), sent.body());
        assertEquals(notices + 1, noticeRows.count());
        assertEquals(200, api.send(HttpRequest.PUT("/api/v1/systems/" + systemId, Map.of("name", "School meals",
                "description", "Parents order and pay school meals online.", "status", "OPERATING")), "COORDINATOR").status());
        assertEquals(notices + 2, noticeRows.count(), "the change of the original is told by itself");
        // Version 2 was the acceptance's own: the adopter under "used by", which tells nobody.
        var shown = coordinator.body("/adoptions/" + id);
        assertTrue(shown.contains("The menu export changed.") && shown.contains("Sent to Province X (prov-x)")
                && shown.contains("Automatic") && shown.contains("The original School meals changed: now Operating, version 3."), shown);
        var korean = new PageClient(http);
        korean.acceptLanguage = "ko";
        korean.signIn("coord", "coordinator-password");
        var ko = korean.body("/adoptions/" + id);
        assertTrue(ko.contains("원본 School meals이(가) 바뀌었습니다. 현재 상태: 운영 중, 버전 3."), ko);
    }

    @Test
    void withoutASession_theAdoptionsLeadToSignIn_andASubmitterSeesTheForbiddenPage_notTheMenuItem() {
        var anonymous = new PageClient(http);
        var page = anonymous.get("/adoptions");
        assertEquals(303, page.code());
        assertTrue(page.getHeaders().get("Location").startsWith("/sign-in?next=%2Fadoptions"), page.getHeaders().get("Location"));
        var submitter = signedIn("sub", "submitter-password");
        var refused = submitter.get("/adoptions");
        assertEquals(403, refused.code());
        assertTrue(refused.body().contains("<html") && refused.body().contains("id=\"forbidden\""), refused.body());
        assertFalse(submitter.body("/catalogue").contains("href=\"/adoptions\""), "not in a submitter's menu");
        assertEquals(404, signedIn("aud", "auditor-password").get("/adoptions/test-node:adoption:none").code(),
                "an unknown adoption: the page in the user's language");
    }

    @Test
    void manyIncomingRequests_arePagedTwentyFiveAtATime_keepingTheOtherListsPage() {
        String ours = ownSystem("Dog licences");
        for (int i = 0; i < 26; i++) {
            incomingRequest("prov-x:adoption:dogs-" + i, ours, "Request " + i);
        }
        var auditor = signedIn("aud", "auditor-password");
        var first = auditor.body("/adoptions");
        String incoming = first.substring(first.indexOf("id=\"incoming\""), first.indexOf("</table>", first.indexOf("id=\"incoming\"")));
        assertEquals(25, incoming.split("govuk-table__body")[1].split("<tr").length - 1, "25 rows on the first page");
        assertTrue(first.contains("href=\"/adoptions?out=1&amp;in=2\""), "the next page of the incoming list: " + first);
        var second = auditor.body("/adoptions?out=1&in=2");
        assertTrue(second.contains("rel=\"prev\"") && second.contains("Dog licences"), second);
    }
}
