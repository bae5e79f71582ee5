package org.preconsult.identity.infrastructure;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.Map;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;

/**
 * Checks {@code POST /login} credentials against this node's users, within the limits of
 * {@link SignInLimiter}: over the limit, the answer is 429 with the time to wait.
 */
@Singleton
class UserAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    // A provider, not the bean: the data layer's own beans look up authentication providers, and
    // the users' audit trail needs the data layer.
    private final BeanProvider<ManagingUsers> users;
    private final SignInLimiter limiter;

    UserAuthenticationProvider(BeanProvider<ManagingUsers> users, SignInLimiter limiter) {
        this.users = users;
        this.limiter = limiter;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity() == null ? "" : credentials.getIdentity();
        String address = request == null ? "unknown" : request.getRemoteAddress().getAddress() == null
                ? request.getRemoteAddress().getHostString() : request.getRemoteAddress().getAddress().getHostAddress();
        var wait = limiter.blocked(username, address);
        if (wait.isPresent()) {
            return AuthenticationResponse.failure(SignInProblems.limited(wait.get()));
        }
        var found = username.isEmpty() || credentials.getSecret() == null ? java.util.Optional.<org.preconsult.identity.model.User>empty()
                : users.get().authenticate(username, credentials.getSecret());
        if (found.isEmpty()) {
            limiter.failed(username, address);
        } else {
            limiter.succeeded(username);
        }
        return found
                .map(user -> AuthenticationResponse.success(user.username(),
                        user.roles().stream().map(Role::name).toList(),
                        Map.of("name", user.displayName() == null ? user.username() : user.displayName())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
