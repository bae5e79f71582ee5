package org.preconsult.sync.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.stream.Collectors;
import org.preconsult.federation.application.Subtree;
import org.preconsult.sync.infrastructure.SyncRepositories.SubtreeRows;
import org.preconsult.sync.infrastructure.SyncRows.SubtreeRow;

/** The subtree as the inbox recorded it: which child each origin's envelopes came through. */
@Singleton
class KnownSubtree implements Subtree {

    private final SubtreeRows rows;

    KnownSubtree(SubtreeRows rows) {
        this.rows = rows;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> nodesVia(String child) {
        return rows.findByViaChild(child).stream().map(SubtreeRow::nodeId).collect(Collectors.toSet());
    }
}
