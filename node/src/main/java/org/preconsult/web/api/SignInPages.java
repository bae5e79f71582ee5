package org.preconsult.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.Map;
import org.preconsult.identity.model.Role;
import org.preconsult.web.application.WebSessions;
import org.preconsult.web.application.WebSettings;
import org.preconsult.web.infrastructure.Csrf;
import org.preconsult.web.infrastructure.SessionCookie;

/** Signing in and out of the web UI, and the start page that sends each role to its work. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
// Public only so that the precompiled templates (another package) can name its page records.
public class SignInPages {

    /** The sign-in page's model. */
    public record SignInPage(Ui ui, String username, String next, boolean failed) {
    }

    private final UiContext context;
    private final WebSessions sessions;
    private final WebSettings settings;
    private final Csrf csrf;

    SignInPages(UiContext context, WebSessions sessions, WebSettings settings, Csrf csrf) {
        this.context = context;
        this.sessions = sessions;
        this.settings = settings;
        this.csrf = csrf;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> home(HttpRequest<?> request) {
        var roles = request.getUserPrincipal(Authentication.class).map(Authentication::getRoles).orElseThrow();
        String to = roles.contains(Role.COORDINATOR_) || roles.contains(Role.SUBMITTER_) ? "/plans"
                : roles.contains(Role.REVIEWER_) ? "/cases"
                : roles.contains(Role.OPERATOR_) ? "/operator/users"
                : roles.contains(Role.AUDITOR_) ? "/audit" : "/catalogue";
        return HttpResponse.seeOther(URI.create(to));
    }

    @Get("/sign-in")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String next) {
        if (request.getUserPrincipal().isPresent()) {
            return HttpResponse.seeOther(URI.create(safeNext(next)));
        }
        return signInPage(request, HttpStatus.OK, "", next, false);
    }

    @Post(value = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        if (!csrf.verify(request, form.get(Csrf.FIELD))) {
            return signInPage(request, HttpStatus.FORBIDDEN, form.getOrDefault("username", ""), form.get("next"), true);
        }
        var opened = sessions.signIn(form.get("username"), form.get("password"));
        if (opened.isEmpty()) {
            return signInPage(request, HttpStatus.BAD_REQUEST, form.getOrDefault("username", ""), form.get("next"), true);
        }
        return HttpResponse.seeOther(URI.create(safeNext(form.get("next"))))
                .cookie(SessionCookie.of(SessionCookie.SESSION, opened.get().token(), request, settings))
                .cookie(SessionCookie.cleared(SessionCookie.SIGN_IN_CSRF, request, settings));
    }

    @Post(value = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form) {
        if (request.getUserPrincipal().isPresent() && !csrf.verify(request, form.get(Csrf.FIELD))) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        SessionCookie.read(request, SessionCookie.SESSION).ifPresent(sessions::signOut);
        return HttpResponse.seeOther(URI.create("/sign-in"))
                .cookie(SessionCookie.cleared(SessionCookie.SESSION, request, settings));
    }

    private MutableHttpResponse<?> signInPage(HttpRequest<?> request, HttpStatus status, String username, String next,
                                              boolean failed) {
        var existing = SessionCookie.read(request, SessionCookie.SIGN_IN_CSRF);
        String token = existing.orElseGet(WebSessions::randomToken);
        request.setAttribute(Csrf.SIGN_IN_TOKEN, token);
        var response = HttpResponse.status(status)
                .body(UiContext.page("signin", new SignInPage(context.of(request), username, safeNext(next), failed)));
        if (existing.isEmpty()) {
            response.cookie(SessionCookie.of(SessionCookie.SIGN_IN_CSRF, token, request, settings));
        }
        return response;
    }

    /** Only a path of this site: never another host, so the sign-in page cannot forward anywhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/sign-")) {
            return "/";
        }
        return next;
    }
}
