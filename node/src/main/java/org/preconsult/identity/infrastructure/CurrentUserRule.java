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
import java.util.Arrays;
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
 * at the next sign-in).
 *
 * <p>Why a row read per request rather than short-lived tokens: revocation is then immediate and
 * needs no refresh-token store, and the read is one primary-key lookup.
 */
@Singleton
class CurrentUserRule implements SecurityRule<HttpRequest<?>> {

    static final int ORDER = SecuredAnnotationRule.ORDER - 100;

    private final ManagingUsers users;
    private final ExecutorService blocking;

    CurrentUserRule(ManagingUsers users, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.users = users;
        this.blocking = blocking;
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

    private static SecurityRuleResult decide(@Nullable HttpRequest<?> request, Optional<User> user) {
        if (user.isEmpty() || !user.get().enabled()) {
            return SecurityRuleResult.REJECTED;
        }
        String[] required = request == null ? null : RouteAttributes.getRouteMatch(request)
                .filter(MethodBasedRouteMatch.class::isInstance)
                .flatMap(match -> ((MethodBasedRouteMatch<?, ?>) match).getValue(Secured.class, String[].class))
                .orElse(null);
        if (required == null || Arrays.stream(required).anyMatch(r -> r.startsWith("is"))) {
            return SecurityRuleResult.UNKNOWN;
        }
        Set<Role> current = user.get().roles();
        boolean allowed = Arrays.stream(required).anyMatch(r -> current.stream().anyMatch(role -> role.name().equals(r)));
        return allowed ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED;
    }
}
