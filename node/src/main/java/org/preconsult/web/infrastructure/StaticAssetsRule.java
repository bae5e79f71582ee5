package org.preconsult.web.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * Lets anyone read the web UI's stylesheets, scripts and images under {@code /assets/} (they hold
 * nothing private, and the sign-in page needs them before anyone is signed in). Says nothing about
 * any other path.
 */
@Singleton
class StaticAssetsRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request != null && request.getMethod() == HttpMethod.GET && request.getPath().startsWith("/assets/")
                && !request.getPath().contains("..")) {
            return Publishers.just(SecurityRuleResult.ALLOWED);
        }
        return Publishers.just(SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return -100;
    }
}
