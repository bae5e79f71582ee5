package org.preconsult.adoption.application;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import org.preconsult.adoption.infrastructure.AdoptionRows;
import org.preconsult.adoption.infrastructure.AdoptionRows.AdoptionRow;
import org.preconsult.adoption.infrastructure.AdoptionRows.NoticeRow;
import org.preconsult.adoption.infrastructure.AdoptionRows.SeenRow;
import org.preconsult.adoption.model.Adoption;
import org.preconsult.federation.model.AdoptionMessage;
import org.preconsult.adoption.model.AdoptionState;
import org.preconsult.adoption.model.ChangeNotice;
import org.preconsult.adoption.model.Receipt;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.catalogue.application.Catalogue;
import org.preconsult.node.NodeSettings;
import org.preconsult.plan.application.PlanConditions;

/**
 * Applies an adoption message addressed to this node, once per message id, in the transaction that
 * records the id. The origin's seal was verified before this is called; here the message must also
 * make sense from its origin: only the owner of an entry receives a request for it, only the owner
 * of an adoption answers it, and only its two sides exchange notices.
 */
@Singleton
public class ReceivingAdoptionMessages {

    private final AdoptionRows.Adoptions rows;
    private final AdoptionRows.Notices notices;
    private final AdoptionRows.Seen seen;
    private final Catalogue catalogue;
    private final UsedBy usedBy;
    private final PlanConditions conditions;
    private final NodeSettings node;
    private final Clock clock;
    private final AuditTrail audit;

    ReceivingAdoptionMessages(AdoptionRows.Adoptions rows, AdoptionRows.Notices notices, AdoptionRows.Seen seen,
                              Catalogue catalogue, UsedBy usedBy, PlanConditions conditions, NodeSettings node,
                              Clock clock, AuditTrail audit) {
        this.rows = rows;
        this.notices = notices;
        this.seen = seen;
        this.catalogue = catalogue;
        this.usedBy = usedBy;
        this.conditions = conditions;
        this.node = node;
        this.clock = clock;
        this.audit = audit;
    }

    /** Applies the message unless its id was applied before or it must be refused (then nothing is stored). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Receipt receive(AdoptionMessage message) {
        if (seen.existsById(message.messageId())) {
            return new Receipt.AlreadyApplied(message.messageId());
        }
        var malformed = message.malformation();
        if (malformed.isPresent()) {
            return new Receipt.Refused(malformed.get());
        }
        if (!message.toNode().equals(node.id())) {
            return new Receipt.Refused("the message is addressed to " + message.toNode() + ", not to " + node.id());
        }
        Receipt receipt = switch (message.kind()) {
            case REQUEST -> request(message);
            case ACCEPTED, DECLINED -> answer(message);
            case CHANGE_NOTICE -> notice(message);
        };
        if (receipt instanceof Receipt.Applied) {
            seen.save(new SeenRow(message.messageId(), message.fromNode(), message.toNode(), message.kind().name(),
                    "APPLIED", clock.instant()));
        }
        return receipt;
    }

    private Receipt request(AdoptionMessage m) {
        var entry = catalogue.find(m.entryId());
        if (entry.isEmpty() || !node.id().equals(entry.get().originNode())) {
            return new Receipt.Refused("entry " + m.entryId() + " is not owned by " + node.id());
        }
        if (!m.adoptionId().startsWith(m.fromNode() + ":")) {
            return new Receipt.Refused("adoption_id " + m.adoptionId() + " is not one of " + m.fromNode());
        }
        if (rows.existsById(m.adoptionId())) {
            return new Receipt.Refused("adoption " + m.adoptionId() + " was requested before");
        }
        var now = clock.instant();
        var adoption = new Adoption(m.adoptionId(), m.entryId(), entry.get().name(), node.id(), node.name(), m.fromNode(),
                m.fromName(), m.copyEntryId(), AdoptionState.REQUESTED, m.text(), null, m.sentAt(),
                CurrentActor.federation(m.fromNode()), null, null);
        rows.save(AdoptionRow.of(adoption, now));
        audit.record(CurrentActor.federation(m.fromNode()), "ADOPTION", adoption.id(), "REQUEST_RECEIVED", null,
                Map.of("entryId", m.entryId(), "adopterNode", m.fromNode(), "state", adoption.state().name()));
        return new Receipt.Applied(m.messageId());
    }

    private Receipt answer(AdoptionMessage m) {
        var row = rows.findById(m.adoptionId());
        if (row.isEmpty() || !row.get().adopterNode().equals(node.id())) {
            return new Receipt.Refused("no adoption " + m.adoptionId() + " was requested by " + node.id());
        }
        var before = row.get().toAdoption();
        boolean accept = m.kind() == org.preconsult.federation.model.MessageKind.ACCEPTED;
        var answer = before.answer(m.fromNode(), accept, m.text(), CurrentActor.federation(m.fromNode()), m.sentAt());
        if (answer instanceof Adoption.NotAllowed no) {
            return new Receipt.Refused(no.reason());
        }
        var after = ((Adoption.Answered) answer).adoption();
        rows.update(AdoptionRow.of(after, clock.instant()));
        String by = CurrentActor.federation(m.fromNode());
        audit.record(by, "ADOPTION", after.id(), accept ? "ACCEPTED" : "DECLINED", Map.of("state", before.state().name()),
                Map.of("state", after.state().name()));
        if (accept) {
            usedBy.atAdopter(after.entryId(), after.adopterName(), after.adopterNode());
            conditions.fulfilByAdoption(after.entryId(), "Adoption " + after.id() + " of " + after.entryId()
                    + " accepted by " + after.ownerNode() + ".", by);
        }
        return new Receipt.Applied(m.messageId());
    }

    private Receipt notice(AdoptionMessage m) {
        var row = rows.findById(m.adoptionId());
        if (row.isEmpty()) {
            return new Receipt.Refused("no adoption " + m.adoptionId() + " here");
        }
        var adoption = row.get().toAdoption();
        boolean sides = (adoption.ownerNode().equals(node.id()) && adoption.adopterNode().equals(m.fromNode()))
                || (adoption.adopterNode().equals(node.id()) && adoption.ownerNode().equals(m.fromNode()));
        if (!sides) {
            return new Receipt.Refused(m.fromNode() + " is not the other side of adoption " + m.adoptionId());
        }
        if (!adoption.accepted()) {
            return new Receipt.Refused("adoption " + m.adoptionId() + " is " + adoption.state());
        }
        notices.save(NoticeRow.of(new ChangeNotice(m.messageId(), m.adoptionId(), m.fromNode(), m.toNode(),
                m.changedEntryId(), m.changedVersion(), m.changedStatus(), m.text(), m.sentAt(), clock.instant())));
        audit.record(CurrentActor.federation(m.fromNode()), "ADOPTION", m.adoptionId(), "NOTICE_RECEIVED", null,
                m.changedStatus() == null ? Map.of("from", m.fromNode()) : Map.of("from", m.fromNode(), "changedStatus", m.changedStatus()));
        return new Receipt.Applied(m.messageId());
    }
}
