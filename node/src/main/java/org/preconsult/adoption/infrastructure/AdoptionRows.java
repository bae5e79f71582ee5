package org.preconsult.adoption.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import org.preconsult.adoption.model.Adoption;
import org.preconsult.adoption.model.AdoptionState;
import org.preconsult.adoption.model.ChangeNotice;

/** The rows of the adoption tables ({@code adoption}, {@code adoption_notice}, {@code adoption_message_seen}) and their mapping. */
public final class AdoptionRows {

    private AdoptionRows() {
    }

    /** A row of {@code adoption}. */
    @MappedEntity("adoption")
    public record AdoptionRow(@Id String id, String entryId, @Nullable String entryName, String ownerNode,
                              @Nullable String ownerName, String adopterNode, @Nullable String adopterName,
                              @Nullable String copyEntryId, String state, @Nullable String motivation,
                              @Nullable String answerReason, Instant requestedAt, @Nullable String requestedBy,
                              @Nullable Instant answeredAt, @Nullable String answeredBy, Instant updatedAt) {

        public static AdoptionRow of(Adoption a, Instant now) {
            return new AdoptionRow(a.id(), a.entryId(), a.entryName(), a.ownerNode(), a.ownerName(), a.adopterNode(),
                    a.adopterName(), a.copyEntryId(), a.state().name(), a.motivation(), a.answerReason(),
                    a.requestedAt(), a.requestedBy(), a.answeredAt(), a.answeredBy(), now);
        }

        public Adoption toAdoption() {
            return new Adoption(id, entryId, entryName, ownerNode, ownerName, adopterNode, adopterName, copyEntryId,
                    AdoptionState.valueOf(state), motivation, answerReason, requestedAt, requestedBy, answeredAt, answeredBy);
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Adoptions extends CrudRepository<AdoptionRow, String> {
        List<AdoptionRow> findByOwnerNodeOrderByRequestedAtDesc(String ownerNode);

        List<AdoptionRow> findByAdopterNodeOrderByRequestedAtDesc(String adopterNode);

        List<AdoptionRow> findByEntryIdAndState(String entryId, String state);

        List<AdoptionRow> findByCopyEntryIdAndState(String copyEntryId, String state);
    }

    /** A row of {@code adoption_notice}. */
    @MappedEntity("adoption_notice")
    public record NoticeRow(@Id String messageId, String adoptionId, String fromNode, String toNode,
                            @Nullable String changedEntryId, long changedVersion, @Nullable String changedStatus,
                            @Nullable String text, Instant sentAt, Instant recordedAt) {

        public static NoticeRow of(ChangeNotice n) {
            return new NoticeRow(n.messageId(), n.adoptionId(), n.fromNode(), n.toNode(), n.changedEntryId(),
                    n.changedVersion(), n.changedStatus(), n.text(), n.sentAt(), n.recordedAt());
        }

        public ChangeNotice toNotice() {
            return new ChangeNotice(messageId, adoptionId, fromNode, toNode, changedEntryId, changedVersion,
                    changedStatus, text, sentAt, recordedAt);
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Notices extends CrudRepository<NoticeRow, String> {
        List<NoticeRow> findByAdoptionIdOrderBySentAt(String adoptionId);

        List<NoticeRow> findByToNodeOrderBySentAtDesc(String toNode);
    }

    /** A row of {@code adoption_message_seen}: a message id applied here, or passed down. */
    @MappedEntity("adoption_message_seen")
    public record SeenRow(@Id String messageId, String fromNode, String toNode, String kind, String handled, Instant seenAt) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Seen extends CrudRepository<SeenRow, String> {
    }
}
