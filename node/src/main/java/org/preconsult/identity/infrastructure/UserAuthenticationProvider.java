package org.preconsult.identity.infrastructure;

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

/** Checks {@code POST /login} credentials against this node's users. */
@Singleton
class UserAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private final ManagingUsers users;

    UserAuthenticationProvider(ManagingUsers users) {
        this.users = users;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        return users.authenticate(credentials.getIdentity(), credentials.getSecret())
                .map(user -> AuthenticationResponse.success(user.username(),
                        user.roles().stream().map(Role::name).toList(),
                        Map.of("name", user.displayName() == null ? user.username() : user.displayName())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
