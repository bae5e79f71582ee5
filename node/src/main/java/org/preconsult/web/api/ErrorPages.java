package org.preconsult.web.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.preconsult.common.api.ProblemException;

/** The page a person sees when a page's request is refused: what happened, in their language. */
// Public only so that the precompiled templates (another package) can name its page record.
public final class ErrorPages {

    /** The error page's model: the status decides the heading; the detail is the service's own text. */
    public record ErrorPage(Ui ui, int status, String detail) {
        public String headingKey() {
            return switch (status) {
                case 403 -> "error.forbidden";
                case 404 -> "error.notFound";
                case 409 -> "error.conflict";
                case 400 -> "error.invalid";
                default -> "error.other";
            };
        }
    }

    private ErrorPages() {
    }

    /** The error page for a refusal of a page controller, with the refusal's status. */
    static HttpResponse<?> of(UiContext context, HttpRequest<?> request, ProblemException problem) {
        return HttpResponse.status(problem.status()).body(UiContext.page("error",
                new ErrorPage(context.of(request), problem.status().getCode(), problem.getMessage())));
    }
}
