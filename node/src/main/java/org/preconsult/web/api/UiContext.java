package org.preconsult.web.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.preconsult.node.NodeSettings;
import org.preconsult.web.application.WebSessions;
import org.preconsult.web.infrastructure.Csrf;
import org.preconsult.web.infrastructure.Languages;
import org.preconsult.web.infrastructure.Messages;

/** Builds the {@link Ui} of a request and hands a page record to its template. */
@Singleton
class UiContext {

    private final NodeSettings node;
    private final Csrf csrf;

    UiContext(NodeSettings node, Csrf csrf) {
        this.node = node;
        this.csrf = csrf;
    }

    Ui of(HttpRequest<?> request) {
        var auth = request.getUserPrincipal(Authentication.class);
        Set<String> roles = new HashSet<>(auth.map(Authentication::getRoles).orElse(Set.of()));
        String name = auth.map(a -> String.valueOf(a.getAttributes().getOrDefault("name", a.getName()))).orElse(null);
        String path = request.getPath();
        var query = request.getParameters().asMap();
        if (!query.isEmpty()) {
            var kept = new StringBuilder();
            query.forEach((k, values) -> {
                if (!k.equals("lang")) {
                    values.forEach(v -> kept.append(kept.isEmpty() ? "?" : "&").append(encode(k)).append('=').append(encode(v)));
                }
            });
            path += kept;
        }
        return new Ui(Messages.of(Languages.of(request)), csrf.tokenFor(request).orElse(""), name, roles, path,
                node.name(), node.role().name(), ZoneId.systemDefault());
    }

    /** The view of a page: its template and its one model record, named {@code page}. */
    static ModelAndView<Map<String, Object>> page(String view, Object page) {
        return new ModelAndView<>(view, Map.of("page", page));
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
