package org.preconsult.web.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The web UI's settings: {@code preconsult.web.*}.
 *
 * @param sessionIdle    a session ends after this long without a request (default 8h)
 * @param sessionMax     and at the latest this long after sign-in (default 12h)
 * @param secureCookies  send cookies with {@code Secure} even on plain HTTP requests (default false:
 *                       cookies are {@code Secure} whenever the request itself came over HTTPS)
 */
@ConfigurationProperties("preconsult.web")
public record WebSettings(
        @Bindable(defaultValue = "8h") @Nullable Duration sessionIdle,
        @Bindable(defaultValue = "12h") @Nullable Duration sessionMax,
        @Bindable(defaultValue = "false") boolean secureCookies) {

    public WebSettings {
        sessionIdle = sessionIdle == null ? Duration.ofHours(8) : sessionIdle;
        sessionMax = sessionMax == null ? Duration.ofHours(12) : sessionMax;
    }
}
