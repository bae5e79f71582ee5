package org.preconsult.identity.model;

import java.time.Instant;
import java.util.Set;

/** A person who signs in at this node, with the roles that say what they may do. */
public record User(String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt) {
    public User {
        roles = Set.copyOf(roles);
    }
}
