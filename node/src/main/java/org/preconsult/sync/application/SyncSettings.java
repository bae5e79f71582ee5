package org.preconsult.sync.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How this node talks to its parent: {@code preconsult.sync.*}.
 *
 * @param pushBatchSize   envelopes per push call (default 100)
 * @param pushDeadline    deadline of one push call (default 10s)
 * @param pullDeadline    deadline of one pull stream; the child re-opens it from its cursor (default 30s)
 * @param backoffInitial  first wait after a failed call (default 500ms), doubled up to backoffMax
 * @param backoffMax      longest wait between attempts (default 30s)
 * @param heartbeat       how often an idle feed stream says it is alive (default 5s)
 * @param idlePoll        how often an idle pusher looks at the outbox without being woken (default 1s)
 * @param reconcileEvery  how often the node compares with its parent what the parent should hold
 *                        for it, besides after every reconnect (default 60s)
 */
@ConfigurationProperties("preconsult.sync")
public record SyncSettings(
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int pushBatchSize,
        @Bindable(defaultValue = "10s") @NotNull Duration pushDeadline,
        @Bindable(defaultValue = "30s") @NotNull Duration pullDeadline,
        @Bindable(defaultValue = "500ms") @NotNull Duration backoffInitial,
        @Bindable(defaultValue = "30s") @NotNull Duration backoffMax,
        @Bindable(defaultValue = "5s") @NotNull Duration heartbeat,
        @Bindable(defaultValue = "1s") @NotNull Duration idlePoll,
        @Bindable(defaultValue = "60s") @NotNull Duration reconcileEvery) {
}
