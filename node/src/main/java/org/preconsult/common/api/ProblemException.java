package org.preconsult.common.api;

import io.micronaut.http.HttpStatus;
import java.util.List;
import java.util.Map;

/**
 * Thrown by controllers and use cases to end a request with a problem response. The one error
 * mapping ({@link ProblemHandlers}) turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors) {
        this(status, detail, errors, Map.of());
    }

    /** A problem with response headers, such as {@code Retry-After} of a 429. */
    public ProblemException(HttpStatus status, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, what + " " + id + " does not exist at this node.");
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail, errors);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
