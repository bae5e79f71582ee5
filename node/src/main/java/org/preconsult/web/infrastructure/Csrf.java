package org.preconsult.web.infrastructure;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.preconsult.web.application.WebSessions;

/**
 * CSRF tokens of the web UI's forms. Signed in: the session's synchronizer token, stored with the
 * session on the server. Not yet signed in (the sign-in form): a random token in an HttpOnly
 * cookie that the form must send back (double submit). Every state-changing UI request is
 * checked with {@link #verify}; the page script sends the token in {@value #HEADER}.
 */
@Singleton
public class Csrf {

    /** Form field of the token. */
    public static final String FIELD = "_csrf";
    /** Header of the token on the page script's own requests. */
    public static final String HEADER = "X-CSRF-Token";

    /** The token the forms of this request's page carry, when there is one. */
    public Optional<String> tokenFor(HttpRequest<?> request) {
        var session = request.getAttribute(SessionAuthenticationFetcher.SESSION_ATTRIBUTE, WebSessions.Session.class);
        if (session.isPresent()) {
            return Optional.of(session.get().csrfToken());
        }
        return request.getAttribute(SIGN_IN_TOKEN, String.class)
                .or(() -> SessionCookie.read(request, SessionCookie.SIGN_IN_CSRF));
    }

    /** Request attribute of a sign-in token minted for this response (its cookie is not sent back yet). */
    public static final String SIGN_IN_TOKEN = "preconsult.web.sign-in-csrf";

    /** True when the submitted token (form field, else header) is the one this request's forms carry. */
    public boolean verify(HttpRequest<?> request, String submitted) {
        String sent = submitted != null && !submitted.isBlank() ? submitted : request.getHeaders().get(HEADER);
        var session = request.getAttribute(SessionAuthenticationFetcher.SESSION_ATTRIBUTE, WebSessions.Session.class);
        String expected = session.map(WebSessions.Session::csrfToken)
                .orElseGet(() -> SessionCookie.read(request, SessionCookie.SIGN_IN_CSRF).orElse(null));
        return WebSessions.sameSecret(expected, sent);
    }
}
