package org.preconsult.identity.infrastructure;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthenticationException;
import io.micronaut.security.authentication.AuthenticationExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed sign-in as a problem: 401 for wrong credentials (without saying whether the user
 * exists), 429 with {@code Retry-After} when {@link SignInLimiter} holds the user or address back.
 * The limit travels from the authentication provider as the failure's message, the only thing the
 * login endpoint passes on.
 */
@Singleton
@Replaces(AuthenticationExceptionHandler.class)
class SignInProblems implements ExceptionHandler<AuthenticationException, MutableHttpResponse<?>> {

    private static final String LIMITED = "Too many failed sign-ins for this user or from this address; try again in ";
    private static final Pattern SECONDS = Pattern.compile(Pattern.quote(LIMITED) + "(\\d+) seconds\\.");

    /** The failure message of a held-back attempt. */
    static String limited(Duration wait) {
        return LIMITED + Math.max(1, wait.toSeconds() + 1) + " seconds.";
    }

    /** The problem body; the same shape as {@code common.api.Problem}. */
    @Serdeable
    record SignInProblem(String type, String title, int status, String detail) {
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthenticationException exception) {
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        Matcher limited = SECONDS.matcher(message);
        if (limited.matches()) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, message).header("Retry-After", limited.group(1));
        }
        return problem(HttpStatus.UNAUTHORIZED, "The user name or the password is wrong, or the account is disabled.")
                .header("WWW-Authenticate", "Bearer");
    }

    private static MutableHttpResponse<SignInProblem> problem(HttpStatus status, String detail) {
        return HttpResponse.<SignInProblem>status(status).contentType("application/problem+json")
                .body(new SignInProblem("about:blank", status.getReason(), status.getCode(), detail));
    }
}
