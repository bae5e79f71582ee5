package org.preconsult.identity.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.preconsult.audit.application.AuditTrail;
import org.preconsult.audit.application.CurrentActor;
import org.preconsult.identity.infrastructure.UserRow;
import org.preconsult.identity.infrastructure.UserRows;
import org.preconsult.identity.model.Role;
import org.preconsult.identity.model.User;

/** Creates, changes and authenticates the users of this node. */
@Singleton
public class ManagingUsers {

    /** Minimum password length for accounts created here. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    /** What the audit trail shows of a user: never the password hash. */
    @io.micronaut.serde.annotation.Serdeable
    record AuditedUser(String username, String displayName, String roles, boolean enabled, boolean passwordChanged) {
        static AuditedUser of(UserRow row, boolean passwordChanged) {
            return new AuditedUser(row.username(), row.displayName(), row.roles(), row.enabled(), passwordChanged);
        }
    }

    private final UserRows rows;
    private final Clock clock;
    private final AuditTrail audit;
    private final CurrentActor actor;

    public ManagingUsers(UserRows rows, Clock clock, AuditTrail audit, CurrentActor actor) {
        this.rows = rows;
        this.clock = clock;
        this.audit = audit;
        this.actor = actor;
    }

    @Transactional
    public AccountChange create(String username, String password, String displayName, Set<Role> roles) {
        if (rows.existsById(username)) {
            return new AccountChange.NameTaken(username);
        }
        if (weak(password)) {
            return new AccountChange.WeakPassword(MIN_PASSWORD_LENGTH);
        }
        var row = new UserRow(username, PasswordHasher.hash(password), encode(roles), displayName, true, clock.instant());
        rows.save(row);
        audit.record(actor.current(), "USER", username, "CREATED", null, AuditedUser.of(row, false));
        return new AccountChange.Done(toUser(row));
    }

    @Transactional
    public AccountChange change(String username, Set<Role> roles, String password, Boolean enabled, String displayName) {
        var found = rows.findById(username);
        if (found.isEmpty()) {
            return new AccountChange.Unknown(username);
        }
        var row = found.get();
        if (password != null && weak(password)) {
            return new AccountChange.WeakPassword(MIN_PASSWORD_LENGTH);
        }
        var changed = new UserRow(username,
                password == null ? row.passwordHash() : PasswordHasher.hash(password),
                roles == null ? row.roles() : encode(roles),
                displayName == null ? row.displayName() : displayName,
                enabled == null ? row.enabled() : enabled,
                row.createdAt());
        rows.update(changed);
        audit.record(actor.current(), "USER", username, "CHANGED", AuditedUser.of(row, false),
                AuditedUser.of(changed, password != null));
        return new AccountChange.Done(toUser(changed));
    }

    @Transactional(readOnly = true)
    public List<User> list() {
        return rows.findAllOrderByUsername().stream().map(ManagingUsers::toUser).toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return rows.existsById(username);
    }

    /** The user as stored now (for the per-request check of a credential), or empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<User> current(String username) {
        return rows.findById(username).map(ManagingUsers::toUser);
    }

    /**
     * The user when the password is right and the account enabled; empty otherwise. A hash made
     * with older, weaker parameters is replaced by one with the current parameters on success.
     */
    @Transactional
    public Optional<User> authenticate(String username, String password) {
        var found = rows.findById(username)
                .filter(UserRow::enabled)
                .filter(row -> PasswordHasher.matches(password, row.passwordHash()));
        found.filter(row -> PasswordHasher.needsRehash(row.passwordHash())).ifPresent(row ->
                rows.update(new UserRow(row.username(), PasswordHasher.hash(password), row.roles(), row.displayName(),
                        row.enabled(), row.createdAt())));
        return found.map(ManagingUsers::toUser);
    }

    private static boolean weak(String password) {
        return password == null || password.length() < MIN_PASSWORD_LENGTH;
    }

    private static boolean isRole(String name) {
        return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name));
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static User toUser(UserRow row) {
        Set<Role> roles = row.roles().isBlank() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(row.roles().split(",")).map(String::strip).filter(ManagingUsers::isRole)
                        .map(Role::valueOf).collect(Collectors.toSet());
        return new User(row.username(), row.displayName(), roles, row.enabled(), row.createdAt());
    }
}
