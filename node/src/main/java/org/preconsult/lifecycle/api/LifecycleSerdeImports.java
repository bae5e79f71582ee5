package org.preconsult.lifecycle.api;

import io.micronaut.serde.annotation.SerdeImport;
import org.preconsult.lifecycle.application.ReadingAccounts;
import org.preconsult.lifecycle.model.Statistics;

/** Values of the lifecycle feature that its API returns as they are. */
@SerdeImport(ReadingAccounts.Scope.class)
@SerdeImport(ReadingAccounts.Table.class)
@SerdeImport(ReadingAccounts.League.class)
@SerdeImport(Statistics.YearRow.class)
@SerdeImport(Statistics.LeagueRow.class)
final class LifecycleSerdeImports {
    private LifecycleSerdeImports() {
    }
}
