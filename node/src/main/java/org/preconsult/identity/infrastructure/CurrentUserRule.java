package org.preconsult.identity.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import io.micronaut.core.util.PathMatcher;
import io.micronaut.security.config.InterceptUrlMapPattern;
import io.micronaut.security.config.SecurityConfiguration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;
import org.preconsult.identity.model.User;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * Decides every signed-in request from the user as stored now, not as the credential remembers it.
 * A token or session says who signed in and with which roles at that moment; this rule reads the
 * user's row on each request, so a disabled (or removed) user is refused at once and a demoted user
 * loses the role at once, whatever credential they still hold. It runs before the {@code @Secured}
 * rule: it refuses what the current roles do not allow and otherwise leaves the decision to the
 * ordinary rules (which then also require the role in the credential, so a promotion takes effect
 * at the next sign-in). Routes without {@code @Secured} (metrics) are held to the roles of their
 * {@code intercept-url-map} entry the same way.
 *
 * <p>Why a row read per request rather than short-lived tokens: revocation is then immediate and
 * needs no refresh-token store, and the read is one primary-key lookup.
 */
@Singleton
class CurrentUserRule implements SecurityRule<HttpRequest<?>> {

    static final int ORDER = SecuredAnnotationRule.ORDER - 100;

    private final ManagingUsers users;
    private final ExecutorService blocking;
    private final List<InterceptUrlMapPattern> urlRules;

    CurrentUserRule(ManagingUsers users, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                    SecurityConfiguration security) {
        this.users = users;
        this.blocking = blocking;
        this.urlRules = security.getInterceptUrlMap();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(
                () -> decide(request, users.current(authentication.getName())), blocking));
    }

    private SecurityRuleResult decide(@Nullable HttpRequest<?> request, Optional<User> user) {
        if (user.isEmpty() || !user.get().enabled()) {
            return SecurityRuleResult.REJECTED;
        }
        String[] required = request == null ? null : RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .flatMap(match -> ((MethodBasedRouteMatch<?, ?>) match).getValue(Secured.class, String[].class))
                .or(() -> urlRules.stream()
                        .filter(rule -> PathMatcher.ANT.matches(rule.getPattern(), request.getPath()))
                        .findFirst().map(rule -> rule.getAccess().toArray(String[]::new)))
                .orElse(null);
        if (required == null || Arrays.stream(required).anyMatch(r -> r.startsWith("is"))) {
            return SecurityRuleResult.UNKNOWN;
        }
        Set<Role> current = user.get().roles();
        boolean allowed = Arrays.stream(required).anyMatch(r -> current.stream().anyMatch(role -> role.name().equals(r)));
        return allowed ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED;
    }
}
