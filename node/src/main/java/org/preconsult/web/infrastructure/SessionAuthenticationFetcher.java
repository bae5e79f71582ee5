package org.preconsult.web.infrastructure;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.preconsult.identity.model.Role;
import org.preconsult.web.application.WebSessions;
import org.reactivestreams.Publisher;

/**
 * Authenticates the web UI's requests from the session cookie, beside the API's bearer tokens
 * (which the JWT fetcher reads as before; the API itself ignores the cookie). Roles come from the user as stored now, not from the moment of
 * sign-in. The session is kept on the request for the CSRF check of its forms.
 */
@Singleton
class SessionAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    /** Request attribute holding the {@link WebSessions.Session} of the request. */
    static final String SESSION_ATTRIBUTE = "preconsult.web.session";

    private final WebSessions sessions;
    private final ExecutorService blocking;

    SessionAuthenticationFetcher(WebSessions sessions, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        var token = SessionCookie.read(request, SessionCookie.SESSION);
        // The API stays bearer-only: a session cookie that a browser attaches on its own never
        // authorizes an API call, so the API needs no CSRF defence of its own.
        if (token.isEmpty() || request.getHeaders().getAuthorization().isPresent() || request.getPath().startsWith("/api/")) {
            return Publishers.empty();
        }
        // The lookup reads the database: off the event loop. No session: nothing emitted.
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(
                () -> sessions.resolve(token.get()).map(session -> {
                    request.setAttribute(SESSION_ATTRIBUTE, session);
                    var user = session.user();
                    return Authentication.build(user.username(), user.roles().stream().map(Role::name).toList(),
                            Map.<String, Object>of("name", user.displayName() == null ? user.username() : user.displayName()));
                }).orElse(null), blocking));
    }
}
