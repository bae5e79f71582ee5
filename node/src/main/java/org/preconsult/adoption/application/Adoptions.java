package org.preconsult.adoption.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.preconsult.adoption.infrastructure.AdoptionRows;
import org.preconsult.adoption.infrastructure.AdoptionRows.AdoptionRow;
import org.preconsult.adoption.infrastructure.AdoptionRows.NoticeRow;
import org.preconsult.adoption.model.Adoption;
import org.preconsult.federation.model.AdoptionMessage;
import org.preconsult.adoption.model.AdoptionState;
import org.preconsult.adoption.model.ChangeNotice;
import org.preconsult.federation.model.MessageKind;
import org.preconsult.adoption.model.Outcome;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.node.NodeSettings;

/**
 * Adoptions as this node's users drive them: a coordinator of the adopter requests to adopt another
 * government's catalogue entry, the owner's coordinator or operator accepts or declines, and either
 * side records a change notice. Each change, its audit event and the message to the other side are
 * written in one transaction; a refused request stores nothing.
 */
@Singleton
public class Adoptions {

    private final AdoptionRows.Adoptions rows;
    private final AdoptionRows.Notices notices;
    private final Catalogue catalogue;
    private final AdoptionOutlet outlet;
    private final UsedBy usedBy;
    private final NodeSettings node;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentActor actor;

    Adoptions(AdoptionRows.Adoptions rows, AdoptionRows.Notices notices, Catalogue catalogue, AdoptionOutlet outlet,
              UsedBy usedBy, NodeSettings node, Clock clock, AuditTrail audit, CurrentActor actor) {
        this.rows = rows;
        this.notices = notices;
        this.catalogue = catalogue;
        this.outlet = outlet;
        this.usedBy = usedBy;
        this.node = node;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
    }

    /** Asks the owner of a catalogue entry to let this government adopt it. */
    @Transactional
    public Outcome request(String entryId, String copyEntryId, String motivation) {
        var found = catalogue.find(entryId);
        if (found.isEmpty()) {
            return new Outcome.NotFound("Catalogue entry", entryId);
        }
        CatalogueEntry entry = found.get();
        if (entry.originNode() == null || entry.originNode().equals(node.id())) {
            return new Outcome.Refused("Entry " + entryId + " is not another government's: "
                    + (entry.originNode() == null ? "it has no owner node in the federation." : "this node owns it."));
        }
        if (!entry.isCandidate()) {
            return new Outcome.Refused("Entry " + entryId + " is " + entry.status() + " and can no longer be adopted.");
        }
        if (copyEntryId != null) {
            var copy = catalogue.find(copyEntryId);
            if (copy.isEmpty() || !node.id().equals(copy.get().originNode())) {
                return new Outcome.Invalid("copyEntryId", "must name a catalogue entry of this node");
            }
        }
        boolean open = rows.findByAdopterNodeOrderByRequestedAtDesc(node.id()).stream()
                .anyMatch(r -> r.entryId().equals(entryId) && !r.state().equals(AdoptionState.DECLINED.name()));
        if (open) {
            return new Outcome.Refused("This government has already asked to adopt " + entryId + ".");
        }
        var unreachable = outlet.unreachable(entry.originNode());
        if (unreachable.isPresent()) {
            return new Outcome.Refused("The owner cannot be reached from here: " + unreachable.get());
        }
        var now = clock.instant();
        var adoption = new Adoption(Adoption.newId(node.id()), entryId, entry.name(), entry.originNode(), entry.owner(),
                node.id(), node.name(), copyEntryId, AdoptionState.REQUESTED, motivation, null, now, actor.current(),
                null, null);
        rows.save(AdoptionRow.of(adoption, now));
        outlet.send(message(adoption, MessageKind.REQUEST, motivation, null, 0, null));
        audit.record(actor.current(), "ADOPTION", adoption.id(), "REQUESTED", null,
                Map.of("entryId", entryId, "ownerNode", entry.originNode(), "state", adoption.state().name()));
        return new Outcome.Done(adoption);
    }

    /** The owner's answer to a request: accept, or decline with a reason. */
    @Transactional
    public Outcome answer(String adoptionId, boolean accept, String reason) {
        var row = rows.findById(adoptionId);
        if (row.isEmpty()) {
            return new Outcome.NotFound("Adoption", adoptionId);
        }
        var before = row.get().toAdoption();
        var now = clock.instant();
        var answer = before.answer(node.id(), accept, reason, actor.current(), now);
        if (answer instanceof Adoption.NotAllowed no) {
            return new Outcome.Refused(no.reason());
        }
        var after = ((Adoption.Answered) answer).adoption();
        rows.update(AdoptionRow.of(after, now));
        if (after.accepted()) {
            usedBy.atOwner(after.entryId(), after.adopterName(), after.adopterNode());
        }
        outlet.send(message(after, accept ? MessageKind.ACCEPTED : MessageKind.DECLINED, reason, null, 0, null));
        audit.record(actor.current(), "ADOPTION", adoptionId, accept ? "ACCEPTED" : "DECLINED",
                Map.of("state", before.state().name()), reason == null ? Map.of("state", after.state().name())
                        : Map.of("state", after.state().name(), "reason", reason));
        return new Outcome.Done(after);
    }

    /**
     * Records a change notice of a completed adoption and sends it to the other side: the owner
     * tells of a change of the original, the adopter of a change of its customized copy.
     */
    @Transactional
    public Outcome notice(String adoptionId, String text) {
        var row = rows.findById(adoptionId);
        if (row.isEmpty()) {
            return new Outcome.NotFound("Adoption", adoptionId);
        }
        var adoption = row.get().toAdoption();
        if (!adoption.accepted()) {
            return new Outcome.Refused("Adoption " + adoptionId + " is " + adoption.state() + "; notices follow an accepted adoption.");
        }
        String changed = node.id().equals(adoption.ownerNode()) ? adoption.entryId() : adoption.copyEntryId();
        var entry = changed == null ? Optional.<CatalogueEntry>empty() : catalogue.find(changed);
        sendNotice(adoption, changed, entry.map(CatalogueEntry::version).orElse(0L),
                entry.map(e -> e.status().name()).orElse(null), text, actor.current());
        return new Outcome.Done(adoption);
    }

    /** Sends a change notice and keeps it as sent; requires the caller's transaction. */
    void sendNotice(Adoption adoption, String changedEntryId, long version, String status, String text, String by) {
        var message = message(adoption, MessageKind.CHANGE_NOTICE, text, changedEntryId, version, status);
        notices.save(NoticeRow.of(new ChangeNotice(message.messageId(), adoption.id(), node.id(), message.toNode(),
                changedEntryId, version, status, text, message.sentAt(), message.sentAt())));
        outlet.send(message);
        audit.record(by, "ADOPTION", adoption.id(), "NOTICE_SENT", null,
                status == null ? Map.of("to", message.toNode()) : Map.of("to", message.toNode(), "changedStatus", status));
    }

    private AdoptionMessage message(Adoption a, MessageKind kind, String text, String changedEntryId, long version,
                                    String status) {
        return new AdoptionMessage(AdoptionMessage.newId(node.id()), a.id(), node.id(), node.name(), a.counterpart(node.id()),
                kind, a.entryId(), a.entryName(), a.copyEntryId(), text, changedEntryId, version, status, clock.instant());
    }

    /** Requests this node received as owner (incoming) or sent as adopter (outgoing), newest first. */
    @Transactional(readOnly = true)
    public List<Adoption> list(boolean incoming) {
        var found = incoming ? rows.findByOwnerNodeOrderByRequestedAtDesc(node.id())
                : rows.findByAdopterNodeOrderByRequestedAtDesc(node.id());
        return found.stream().map(AdoptionRow::toAdoption).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Adoption> get(String adoptionId) {
        return rows.findById(adoptionId).map(AdoptionRow::toAdoption);
    }

    /** The change notices of one adoption, sent and received, oldest first. */
    @Transactional(readOnly = true)
    public List<ChangeNotice> notices(String adoptionId) {
        return notices.findByAdoptionIdOrderBySentAt(adoptionId).stream().map(NoticeRow::toNotice).toList();
    }

    /** The change notices this node received, newest first. */
    @Transactional(readOnly = true)
    public List<ChangeNotice> received() {
        return notices.findByToNodeOrderBySentAtDesc(node.id()).stream().map(NoticeRow::toNotice).toList();
    }

    /** This node's id (the side a caller is on). */
    public String nodeId() {
        return node.id();
    }
}
