package org.preconsult.common.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.codec.CodecException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.http.server.exceptions.UnsatisfiedArgumentHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
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

    static String clip(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }

    /** A framework message without Java class names, which mean nothing to a client. */
    static String readable(String message) {
        String m = message.replaceAll("[a-z]+(\\.[a-z0-9_]+)+\\.([A-Z][A-Za-z0-9_$]*)", "$2");
        return clip(m);
    }

    /** A problem+json response with this status, detail and field errors. */
    public static MutableHttpResponse<Problem> respond(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        var problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, errors);
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(problem);
    }

    @Produces
    @Singleton
    @Requires(classes = {ProblemException.class, ExceptionHandler.class})
    static class ForProblem implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
            var response = respond(e.status(), e.getMessage(), e.errors());
            e.headers().forEach(response::header);
            return response;
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
            String name = e.getArgument().getName();
            Class<?> type = e.getArgument().getType();
            String expected = type.isEnum()
                    ? "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                            .collect(java.util.stream.Collectors.joining(", "))
                    : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a whole number" : "a valid value";
            return respond(HttpStatus.BAD_REQUEST, "The value of '" + name + "' could not be read.",
                    List.of(new Problem.FieldError(name, "must be " + expected)));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {SerdeException.class, ExceptionHandler.class})
    static class ForUnreadableBody implements ExceptionHandler<SerdeException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, SerdeException e) {
            return respond(HttpStatus.BAD_REQUEST, "The request body could not be read; send JSON that fits the endpoint.",
                    List.of());
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

    /**
     * The framework's own errors (unknown path, wrong method, wrong content type, a body or header
     * too large, a missing body) leave as problems too: the framework's error processor asks this
     * provider for the body of every error response written as JSON.
     */
    @Singleton
    @Replaces(JsonErrorResponseBodyProvider.class)
    static class ForFrameworkErrors implements JsonErrorResponseBodyProvider<Problem> {
        @Override
        public Problem body(ErrorContext context, HttpResponse<?> response) {
            int code = response.code();
            String reason = response.reason();
            String detail = switch (code) {
                case 404 -> "There is nothing at " + context.getRequest().getMethod() + " " + clip(context.getRequest().getPath())
                        + "; the API's paths start with /api/v1/ (listed in /swagger/preconsult-node-1.0.0.yml).";
                case 405 -> "The method " + context.getRequest().getMethod() + " is not allowed at this path."
                        + response.getHeaders().get(HttpHeaders.ALLOW, String.class).map(a -> " Allowed: " + a + ".").orElse("");
                case 406 -> "This endpoint answers only in the media types it lists; send 'Accept: application/json'.";
                case 413, 414, 431 -> "The request is too large (its body, its URL or its headers); send less.";
                case 415 -> "The Content-Type of the request is not one this endpoint reads; send 'Content-Type: application/json'.";
                case 400 -> context.getErrors().stream().map(e -> e.getMessage()).findFirst()
                        .map(ProblemHandlers::readable).orElse("The request could not be read.");
                case 401 -> "Sign in first: POST /login, then send the token as 'Authorization: Bearer ...'.";
                case 403 -> "Your role does not allow this action.";
                default -> code >= 500
                        ? "The node could not complete the request; nothing was changed. The operator can find the cause in the node's log."
                        : context.getErrors().stream().map(e -> e.getMessage()).findFirst().map(ProblemHandlers::readable)
                                .orElse(reason);
            };
            return new Problem("about:blank", reason, code, detail, List.of());
        }

        @Override
        public String contentType() {
            return Problem.MEDIA_TYPE;
        }
    }

    /** A body the framework could not decode (after the strict reader, this is rare). */
    @Produces
    @Singleton
    static class ForUndecodableBody implements ExceptionHandler<CodecException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, CodecException e) {
            if (e.getCause() instanceof ProblemException problem) {
                return respond(problem.status(), problem.getMessage(), problem.errors());
            }
            return respond(HttpStatus.BAD_REQUEST, "The request body could not be read; send JSON that fits the endpoint.",
                    List.of());
        }
    }

    /** A required body, header or parameter is missing. */
    @Produces
    @Singleton
    @Replaces(UnsatisfiedArgumentHandler.class)
    static class ForMissingArgument implements ExceptionHandler<UnsatisfiedArgumentException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, UnsatisfiedArgumentException e) {
            var argument = e.getArgument();
            if (argument.getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Body.class)) {
                return respond(HttpStatus.BAD_REQUEST, "The request has no body; send the JSON the endpoint takes.", List.of());
            }
            return respond(HttpStatus.BAD_REQUEST, "The request lacks '" + argument.getName() + "'.",
                    List.of(new Problem.FieldError(argument.getName(), "is required")));
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
}
