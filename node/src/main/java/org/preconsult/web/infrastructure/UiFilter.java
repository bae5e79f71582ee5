package org.preconsult.web.infrastructure;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.preconsult.common.api.Problem;
import org.preconsult.web.api.ForbiddenPage;
import org.preconsult.web.application.WebSettings;
import org.reactivestreams.Publisher;

/**
 * What every page of the web UI shares, around the security filter: a page that needs a signed-in
 * user sends the browser to the sign-in page (the API keeps answering 401 with problem+json); a
 * state-changing request from another site is refused before it reaches a controller (the forms'
 * CSRF tokens are the second line); the language switch is remembered; and pages carry a strict
 * Content-Security-Policy.
 */
@Filter({"/", "/sign-in", "/sign-out", "/plans/**", "/plans", "/cases", "/cases/**", "/catalogue", "/catalogue/**",
        "/operator/**", "/audit", "/systems", "/systems/**", "/reports", "/reports/**",
        "/adoptions", "/adoptions/**"})
class UiFilter implements HttpServerFilter {

    /** Header the page script sets on its own requests: they get a 401, not a redirect. */
    static final String SCRIPT_HEADER = "X-Preconsult-Script";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private final WebSettings settings;
    private final ForbiddenPage forbidden;

    UiFilter(WebSettings settings, ForbiddenPage forbidden) {
        this.settings = settings;
        this.forbidden = forbidden;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
            return Publishers.just(HttpResponse.status(HttpStatus.FORBIDDEN).body("Cross-site request refused."));
        }
        return Publishers.map(chain.proceed(request), response -> decorate(request, response));
    }

    private MutableHttpResponse<?> decorate(HttpRequest<?> request, MutableHttpResponse<?> original) {
        MutableHttpResponse<?> response = original;
        if (original.status() == HttpStatus.UNAUTHORIZED && !request.getHeaders().contains(SCRIPT_HEADER)) {
            String next = request.getMethod() == HttpMethod.GET ? request.getUri().toString() : "/";
            response = HttpResponse.seeOther(URI.create("/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        } else if (original.status() == HttpStatus.FORBIDDEN && !request.getHeaders().contains(SCRIPT_HEADER)
                && original.getBody().filter(Problem.class::isInstance).isPresent()) {
            // Security refused the role (a problem, not a form's CSRF refusal): a page saying so, with the menu the person may use.
            response = forbidden.render(request).orElse(original);
        }
        var decorated = response;
        request.getParameters().getFirst("lang").flatMap(Languages::supported).ifPresent(lang ->
                decorated.cookie(SessionCookie.of(SessionCookie.LANGUAGE, lang.getLanguage(), request, settings)));
        decorated.getHeaders().set("Content-Security-Policy", CSP);
        decorated.getHeaders().set("X-Content-Type-Options", "nosniff");
        decorated.getHeaders().set("Referrer-Policy", "same-origin");
        decorated.getHeaders().set("Cache-Control", "no-store");
        return decorated;
    }

    /** True when the browser says the request comes from another site (Fetch Metadata or Origin). */
    static boolean crossSite(HttpRequest<?> request) {
        var site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return !(site.equals("same-origin") || site.equals("none"));
        }
        var origin = request.getHeaders().get("Origin");
        if (origin == null) {
            return false;
        }
        var host = request.getHeaders().get("Host");
        try {
            return host == null || !host.equalsIgnoreCase(URI.create(origin).getAuthority());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
