package org.preconsult.identity.application;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.infrastructure.UserRow;
import org.preconsult.identity.infrastructure.UserRows;
import org.preconsult.identity.model.Role;
import org.preconsult.identity.model.User;

/** Creates, changes and authenticates the users of this node. */
@Singleton
public class ManagingUsers {

    /** Minimum password length for accounts created here. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final UserRows rows;
    private final Clock clock;

    public ManagingUsers(UserRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Transactional
    public User create(String username, String password, String displayName, Set<Role> roles) {
        if (rows.existsById(username)) {
            throw new ProblemException(HttpStatus.CONFLICT, "A user named '" + username + "' already exists.");
        }
        requireStrong(password);
        var row = new UserRow(username, PasswordHasher.hash(password), encode(roles), displayName, true, clock.instant());
        rows.save(row);
        return toUser(row);
    }

    @Transactional
    public User change(String username, Set<Role> roles, String password, Boolean enabled, String displayName) {
        var row = rows.findById(username).orElseThrow(() -> ProblemException.notFound("User", username));
        if (password != null) {
            requireStrong(password);
        }
        var changed = new UserRow(username,
                password == null ? row.passwordHash() : PasswordHasher.hash(password),
                roles == null ? row.roles() : encode(roles),
                displayName == null ? row.displayName() : displayName,
                enabled == null ? row.enabled() : enabled,
                row.createdAt());
        rows.update(changed);
        return toUser(changed);
    }

    @Transactional(readOnly = true)
    public List<User> list() {
        return rows.findAllOrderByUsername().stream().map(ManagingUsers::toUser).toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return rows.existsById(username);
    }

    /** The user as stored now, enabled or not. */
    @Transactional(readOnly = true)
    public Optional<User> find(String username) {
        return rows.findById(username).map(ManagingUsers::toUser);
    }

    /** The user when the password is right and the account enabled; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<User> authenticate(String username, String password) {
        return rows.findById(username)
                .filter(UserRow::enabled)
                .filter(row -> PasswordHasher.matches(password, row.passwordHash()))
                .map(ManagingUsers::toUser);
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw ProblemException.invalid("The password is too short.",
                    List.of(new org.preconsult.common.api.Problem.FieldError("password",
                            "must have at least " + MIN_PASSWORD_LENGTH + " characters")));
        }
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static User toUser(UserRow row) {
        Set<Role> roles = row.roles().isBlank() ? EnumSet.noneOf(Role.class)
                : Arrays.stream(row.roles().split(",")).map(Role::valueOf).collect(Collectors.toSet());
        return new User(row.username(), row.displayName(), roles, row.enabled(), row.createdAt());
    }
}
