package org.preconsult.web.infrastructure;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;

/** A browser session as stored: the hash of the cookie's token, never the token itself. */
@MappedEntity("web_session")
public record WebSessionRow(@Id String tokenHash, String username, String csrfToken, Instant createdAt,
                            Instant lastSeenAt, Instant expiresAt) {

    /** The stored sessions. */
    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface Rows extends CrudRepository<WebSessionRow, String> {
        void deleteByUsername(String username);

        void deleteByExpiresAtLessThan(Instant now);
    }
}
