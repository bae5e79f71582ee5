package org.preconsult.web.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.User;
import org.preconsult.web.infrastructure.WebSessionRow;

/**
 * Signs people in and out of the web UI with server-side sessions. The cookie carries a random
 * token; the database keeps its hash, the user and the session's CSRF token. Every request reads
 * the user afresh, so a disabled or demoted user loses access at once, and signing out ends the
 * session on the server, not only in the browser.
 */
@Singleton
public class WebSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSessionRow.Rows rows;
    private final ManagingUsers users;
    private final Clock clock;
    private final WebSettings settings;
    private final AuditTrail audit;

    public WebSessions(WebSessionRow.Rows rows, ManagingUsers users, Clock clock, WebSettings settings, AuditTrail audit) {
        this.rows = rows;
        this.users = users;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
    }

    /** A session that was just opened: the token for the cookie and the user it belongs to. */
    public record Opened(String token, User user) {
    }

    /** A live session: who it belongs to (as the user is now) and the CSRF token of its forms. */
    public record Session(User user, String csrfToken) {
    }

    /** Opens a session when the password is right and the account enabled. */
    @Transactional
    public Optional<Opened> signIn(String username, String password) {
        if (username == null || password == null || username.isBlank()) {
            return Optional.empty();
        }
        var user = users.authenticate(username.strip(), password);
        if (user.isEmpty()) {
            audit.record(username.strip(), "WEB_SESSION", username.strip(), "SIGN_IN_REFUSED", null, null);
            return Optional.empty();
        }
        var now = clock.instant();
        rows.deleteByExpiresAtLessThan(now);
        String token = randomToken();
        rows.save(new WebSessionRow(hash(token), user.get().username(), randomToken(), now, now,
                now.plus(settings.sessionMax())));
        audit.record(user.get().username(), "WEB_SESSION", user.get().username(), "SIGNED_IN", null, null);
        return Optional.of(new Opened(token, user.get()));
    }

    /**
     * The session of a cookie token while it lives and its user is enabled; the session's idle
     * clock restarts. Empty (and the session gone) otherwise.
     */
    @Transactional
    public Optional<Session> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        var row = rows.findById(hash(token));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var session = row.get();
        var user = users.current(session.username()).filter(User::enabled);
        if (now.isAfter(session.expiresAt()) || now.isAfter(session.lastSeenAt().plus(settings.sessionIdle()))
                || user.isEmpty()) {
            rows.deleteById(session.tokenHash());
            return Optional.empty();
        }
        // Touch at most once a minute: reading a page should not write a row every time.
        if (session.lastSeenAt().plusSeconds(60).isBefore(now)) {
            rows.update(new WebSessionRow(session.tokenHash(), session.username(), session.csrfToken(),
                    session.createdAt(), now, session.expiresAt()));
        }
        return Optional.of(new Session(user.get(), session.csrfToken()));
    }

    /** Ends the session of the token, if any. */
    @Transactional
    public void signOut(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        rows.findById(hash(token)).ifPresent(row -> {
            rows.deleteById(row.tokenHash());
            audit.record(row.username(), "WEB_SESSION", row.username(), "SIGNED_OUT", null, null);
        });
    }

    /** 256 random bits, URL-safe. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares two secrets in time independent of where they differ. */
    public static boolean sameSecret(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
