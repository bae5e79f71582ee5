package org.preconsult.trust.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How this node proves who it is and whom it trusts: {@code preconsult.trust.*}.
 *
 * @param enrolmentToken      one-time token from the parent's operator, used once when the node has no
 *                            certificate yet ({@code PRECONSULT_ENROLMENT_TOKEN}); ignored afterwards
 * @param rootFingerprint     SHA-256 fingerprint of the federation root certificate, as central's
 *                            operator reads it ({@code PRECONSULT_ROOT_FINGERPRINT}); required to enrol
 * @param tokenValidity       how long an enrolment token issued here stays usable (default 24h)
 * @param certificateValidity validity of the certificates this node issues to its children (default 365 days)
 * @param renewBefore         a node renews its own certificate when it expires within this time (default 30 days)
 * @param rootValidity        validity of the root certificate central creates at first start (default 20 years)
 * @param maxEnvelopeBytes    largest envelope accepted from a child, serialized (default 1 MiB); a larger
 *                            one is acknowledged REJECTED
 * @param maxMessageBytes     largest gRPC message this node receives, in either direction (default 16 MiB)
 * @param renewalCheck        how often the node looks whether its certificate is due for renewal (default 1h)
 */
@ConfigurationProperties("preconsult.trust")
public record TrustSettings(
        @Nullable String enrolmentToken,
        @Nullable String rootFingerprint,
        @Bindable(defaultValue = "24h") @NotNull Duration tokenValidity,
        @Bindable(defaultValue = "365d") @NotNull Duration certificateValidity,
        @Bindable(defaultValue = "30d") @NotNull Duration renewBefore,
        @Bindable(defaultValue = "7300d") @NotNull Duration rootValidity,
        @Bindable(defaultValue = "1048576") @Min(1024) @Max(67108864) int maxEnvelopeBytes,
        @Bindable(defaultValue = "16777216") @Min(65536) @Max(268435456) int maxMessageBytes,
        @Bindable(defaultValue = "1h") @NotNull Duration renewalCheck) {

    public boolean hasEnrolmentToken() {
        return enrolmentToken != null && !enrolmentToken.isBlank();
    }

    public boolean hasRootFingerprint() {
        return rootFingerprint != null && !rootFingerprint.isBlank();
    }
}
