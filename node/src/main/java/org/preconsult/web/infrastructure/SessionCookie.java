package org.preconsult.web.infrastructure;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.util.Optional;
import org.preconsult.web.application.WebSettings;

/**
 * The cookies of the web UI: the session token (HttpOnly, SameSite=Lax, Secure over HTTPS), the
 * anonymous CSRF token of the sign-in form and the chosen language.
 */
public final class SessionCookie {

    /** The session token's cookie. */
    public static final String SESSION = "preconsult_session";
    /** The sign-in form's CSRF token (double-submit: the form sends it back). */
    public static final String SIGN_IN_CSRF = "preconsult_csrf";
    /** The language the person chose with the switch. */
    public static final String LANGUAGE = "preconsult_lang";

    private SessionCookie() {
    }

    public static Optional<String> read(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** A session-long cookie (no Max-Age: it ends with the browser) that scripts cannot read. */
    public static Cookie of(String name, String value, HttpRequest<?> request, WebSettings settings) {
        return Cookie.of(name, value).path("/").httpOnly(true).sameSite(SameSite.Lax)
                .secure(settings.secureCookies() || request.isSecure());
    }

    /** The cookie that removes the named one. */
    public static Cookie cleared(String name, HttpRequest<?> request, WebSettings settings) {
        return of(name, "", request, settings).maxAge(0);
    }
}
