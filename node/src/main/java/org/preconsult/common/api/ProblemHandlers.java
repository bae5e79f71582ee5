package org.preconsult.common.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error mapping of the HTTP API: every error leaves as {@code application/problem+json}
 * with a message a person can act on, never a stack trace.
 */
public final class ProblemHandlers {

    private ProblemHandlers() {
    }

    static MutableHttpResponse<Problem> respond(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        var problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, errors);
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(problem);
    }

    @Produces
    @Singleton
    @Requires(classes = {ProblemException.class, ExceptionHandler.class})
    static class ForProblem implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
            return respond(e.status(), e.getMessage(), e.errors());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ConstraintViolationException.class, ExceptionHandler.class})
    // Replaces micronaut-validation's handler: two handlers for one exception make every
    // validation failure a NonUniqueBeanException (a 500).
    @Replaces(ConstraintExceptionHandler.class)
    static class ForConstraintViolation implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException e) {
            List<Problem.FieldError> errors = new ArrayList<>();
            for (var violation : e.getConstraintViolations()) {
                errors.add(new Problem.FieldError(fieldName(violation.getPropertyPath().toString()),
                        violation.getMessage()));
            }
            return respond(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors);
        }

        /** Drops the method and parameter prefix ("create.request.title" → "title"). */
        private static String fieldName(String path) {
            String[] parts = path.split("\\.");
            return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ConversionErrorException.class, ExceptionHandler.class})
    @Replaces(ConversionErrorHandler.class)
    static class ForConversion implements ExceptionHandler<ConversionErrorException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConversionErrorException e) {
            return respond(HttpStatus.BAD_REQUEST, "The value of '" + e.getArgument().getName()
                    + "' could not be read: " + e.getConversionError().getCause().getMessage(), List.of());
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {SerdeException.class, ExceptionHandler.class})
    static class ForUnreadableBody implements ExceptionHandler<SerdeException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, SerdeException e) {
            return respond(HttpStatus.BAD_REQUEST, "The request body could not be read: " + e.getMessage(), List.of());
        }
    }

    /** Two people saved the same record at once: the later one is told to reload, nothing is overwritten. */
    @Produces
    @Singleton
    static class ForConcurrentChange implements ExceptionHandler<OptimisticLockException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, OptimisticLockException e) {
            return respond(HttpStatus.CONFLICT,
                    "Someone else changed this record at the same time; reload it and apply your change again.", List.of());
        }
    }

    /** Unexpected failures: logged here with their cause, answered with a plain 500. */
    @Produces
    @Singleton
    static class ForUnexpected implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {
        private static final Logger LOG = LoggerFactory.getLogger(ForUnexpected.class);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, RuntimeException e) {
            LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getPath(), e);
            return respond(HttpStatus.INTERNAL_SERVER_ERROR,
                    "The node could not complete the request; nothing was changed. The operator can find the cause in the node's log.",
                    List.of());
        }
    }

    /** 401 and 403 as problems too, so that clients read one error shape. */
    @Singleton
    @Replaces(DefaultAuthorizationExceptionHandler.class)
    static class ForAuthorization implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {
        @Override
        public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException e) {
            if (e.isForbidden()) {
                return respond(HttpStatus.FORBIDDEN, "Your role does not allow this action.", List.of());
            }
            return respond(HttpStatus.UNAUTHORIZED, "Sign in first: POST /login, then send the token as 'Authorization: Bearer ...'.", List.of())
                    .header("WWW-Authenticate", "Bearer");
        }
    }
}
