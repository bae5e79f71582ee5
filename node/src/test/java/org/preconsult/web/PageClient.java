package org.preconsult.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A browser as the page tests play it: its cookies, its language and the last page's CSRF token,
 * kept by hand. The HTTP client given must not follow redirects, so that tests see them as a
 * browser receives them.
 */
final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new LinkedHashMap<>();
    String csrf;
    String acceptLanguage = "en";
    private final HttpClient http;

    PageClient(HttpClient http) {
        this.http = http;
    }

    /** An HTTP client of the node as a browser meets it: redirects are seen, not followed. */
    static HttpClient withoutRedirects(java.net.URL server) {
        var config = new io.micronaut.http.client.DefaultHttpClientConfiguration();
        config.setFollowRedirects(false);
        return HttpClient.create(server, config);
    }

    /** A browser signed in as the user. */
    static PageClient signedIn(HttpClient http, String username, String password) {
        var client = new PageClient(http);
        client.signIn(username, password);
        return client;
    }

    HttpResponse<String> get(String uri) {
        return send(HttpRequest.GET(uri));
    }

    /** Posts the form exactly as given (a test of the CSRF check leaves the token out). */
    HttpResponse<String> post(String uri, Map<String, String> form) {
        return send(HttpRequest.POST(uri, form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    /** Posts the form as the page would: with the last page's CSRF token unless the form has one. */
    HttpResponse<String> submit(String uri, Map<String, String> form) {
        var withToken = new HashMap<>(form);
        withToken.putIfAbsent("_csrf", csrf);
        return post(uri, withToken);
    }

    @SuppressWarnings("unchecked")
    HttpResponse<String> send(MutableHttpRequest<?> request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        request.header("Accept-Language", acceptLanguage);
        HttpResponse<String> response;
        try {
            response = http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            response = (HttpResponse<String>) e.getResponse();
        }
        response.getHeaders().getAll("Set-Cookie").forEach(c -> {
            String pair = c.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        });
        response.getBody(String.class).ifPresent(body -> {
            var m = CSRF.matcher(body);
            if (m.find()) {
                csrf = m.group(1);
            }
        });
        return response;
    }

    /** Signs in through the sign-in form; answers the form's response (a redirect when it worked). */
    HttpResponse<String> signIn(String username, String password) {
        get("/sign-in");
        return submit("/sign-in", Map.of("username", username, "password", password, "next", "/plans"));
    }

    /** The page's body, which must have been served with 200. */
    String body(String uri) {
        var response = get(uri);
        assertEquals(200, response.code(), uri + ": " + response.body());
        return response.body();
    }
}
