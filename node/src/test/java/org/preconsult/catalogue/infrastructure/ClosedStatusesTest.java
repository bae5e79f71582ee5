package org.preconsult.catalogue.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.preconsult.catalogue.model.EntryStatus;

/** The SQL that ranks best-practice entries names the same closed statuses as the model's rule. */
class ClosedStatusesTest {

    @Test
    void closedStatusesInTheSearchSql_areExactlyTheStatusesThatDoNotCount() {
        Set<String> inSql = Arrays.stream(CatalogueEntryRows.CLOSED_STATUSES.split(","))
                .map(s -> s.strip().replace("'", "")).collect(Collectors.toSet());
        Set<String> closed = Arrays.stream(EntryStatus.values()).filter(s -> !s.isCandidate()).map(Enum::name)
                .collect(Collectors.toSet());
        assertEquals(closed, inSql);
    }
}
