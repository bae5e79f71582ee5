package org.preconsult.catalogue.infrastructure;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CatalogueEntryRows extends CrudRepository<CatalogueEntryRow, String> {

    Page<CatalogueEntryRow> findAll(Pageable pageable);

    /** Changes after a watermark, in change order, for an index catching up. */
    List<CatalogueEntryRow> findByChangeSeqGreaterThanOrderByChangeSeq(long changeSeq, Pageable pageable);
}
