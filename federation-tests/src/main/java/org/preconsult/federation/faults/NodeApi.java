package org.preconsult.federation.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP API of a node process as a user's client sees it: sign in, send JSON, read JSON. A
 * call that gets no answer (the node is down) throws {@link Unanswered}: the caller cannot know
 * whether it took effect, exactly as a real client cannot.
 */
public final class NodeApi {

    /** The node gave no answer: it may or may not have done what was asked. */
    public static final class Unanswered extends RuntimeException {
        Unanswered(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An answer: its status and JSON body (null when there is none). */
    public record Reply(int status, JsonNode json) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final NodeProcess node;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    public NodeApi(NodeProcess node) {
        this.node = node;
        passwords.put("operator", "operator-password");
    }

    public NodeProcess node() {
        return node;
    }

    /** Creates a user with one role (as the operator), so the test can sign in as that user. */
    public void createUser(String username, String role) {
        String password = username + "-fault-pw";
        var reply = call("operator", "POST", "/api/v1/users",
                Map.of("username", username, "password", password, "roles", new String[] {role}), null);
        if (!reply.ok() && reply.status() != 409) {
            throw new IllegalStateException("Could not create " + username + " at " + node.id() + ": " + reply);
        }
        passwords.put(username, password);
    }

    /** Sends a request as the user; signs in (again) when needed. */
    public Reply call(String user, String method, String path, Object body, Map<String, String> headers) {
        var reply = send(method, path, body, headers, token(user));
        if (reply.status() == 401) {
            tokens.remove(user);
            reply = send(method, path, body, headers, token(user));
        }
        return reply;
    }

    public Reply get(String user, String path) {
        return call(user, "GET", path, null, null);
    }

    public Reply health() {
        return send("GET", "/health", null, null, null);
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            var reply = send("POST", "/login", Map.of("username", u, "password", passwords.get(u)), null, null);
            if (!reply.ok()) {
                throw new IllegalStateException("Sign-in of " + u + " at " + node.id() + " failed: " + reply);
            }
            return reply.json().get("access_token").asText();
        });
    }

    private Reply send(String method, String path, Object body, Map<String, String> headers, String token) {
        try {
            var request = HttpRequest.newBuilder(URI.create(node.url() + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (headers != null) {
                headers.forEach(request::header);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? null : parse(response.body());
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new Unanswered(method + " " + path + " at " + node.id() + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unanswered("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
