package org.preconsult.identity.api;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.preconsult.common.api.ProblemHandlers;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.User;

/**
 * 401 and 403 as problems too, so that clients read one error shape; a disabled or removed
 * account is told so (401) rather than that its role falls short.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class AuthorizationProblems implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    private final BeanProvider<ManagingUsers> users;

    AuthorizationProblems(BeanProvider<ManagingUsers> users) {
        this.users = users;
    }

    private boolean currentlyEnabled(String username) {
        return users.get().current(username).map(User::enabled).orElse(false);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
        if (e.isForbidden() && e.getAuthentication() != null && !currentlyEnabled(e.getAuthentication().getName())) {
            return ProblemHandlers.respond(HttpStatus.UNAUTHORIZED, "This account is disabled or no longer exists at this node; "
                    + "ask an operator.", List.of()).header("WWW-Authenticate", "Bearer");
        }
        if (e.isForbidden()) {
            return ProblemHandlers.respond(HttpStatus.FORBIDDEN, "Your role does not allow this action.", List.of());
        }
        return ProblemHandlers.respond(HttpStatus.UNAUTHORIZED,
                "Sign in first: POST /login, then send the token as 'Authorization: Bearer ...'.", List.of())
                .header("WWW-Authenticate", "Bearer");
    }
}
