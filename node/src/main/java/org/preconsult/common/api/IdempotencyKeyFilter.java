package org.preconsult.common.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.List;

/**
 * Refuses an {@code Idempotency-Key} header that cannot be a key, on every endpoint at once: longer
 * than {@link Bounds#IDEMPOTENCY_KEY}, blank, or holding control characters. Endpoints then read a
 * key that fits its column.
 */
@ServerFilter("/api/**")
class IdempotencyKeyFilter {

    static final String HEADER = "Idempotency-Key";

    @RequestFilter
    @Nullable
    HttpResponse<Problem> check(HttpRequest<?> request) {
        List<String> keys = request.getHeaders().getAll(HEADER);
        if (keys.isEmpty()) {
            return null;
        }
        if (keys.size() > 1) {
            return refuse("send one Idempotency-Key header, not " + keys.size());
        }
        String key = keys.get(0);
        if (key.length() > Bounds.IDEMPOTENCY_KEY) {
            return refuse("must have at most " + Bounds.IDEMPOTENCY_KEY + " characters, not " + key.length());
        }
        if (StrictJson.isBlank(key) || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return refuse("must be visible characters, such as a UUID");
        }
        return null;
    }

    private static HttpResponse<Problem> refuse(String message) {
        return ProblemHandlers.respond(HttpStatus.BAD_REQUEST, "The Idempotency-Key header cannot be used.",
                List.of(new Problem.FieldError(HEADER, message)));
    }
}
