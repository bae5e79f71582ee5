package org.preconsult.web.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ViewsRendererLocator;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The page a signed-in person sees when their role does not allow a page: a 403 in their language
 * with the menu they may use, not the API's problem+json. Security refuses before any controller,
 * so this renders the error template itself.
 */
@Singleton
public class ForbiddenPage {

    private final UiContext context;
    private final ViewsRendererLocator renderers;

    ForbiddenPage(UiContext context, ViewsRendererLocator renderers) {
        this.context = context;
        this.renderers = renderers;
    }

    /** The 403 page for a signed-in user; empty for a request without a user (it goes to sign-in instead). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Optional<MutableHttpResponse<?>> render(HttpRequest<?> request) {
        var ui = context.of(request);
        if (!ui.signedIn()) {
            return Optional.empty();
        }
        Map<String, Object> model = Map.of("page", new ErrorPages.ErrorPage(ui, 403, null));
        return renderers.resolveViewsRenderer("error", MediaType.TEXT_HTML, model).map(renderer -> {
            var out = new StringWriter();
            try {
                renderer.render("error", model, request).writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE).body(out.toString());
        });
    }
}
