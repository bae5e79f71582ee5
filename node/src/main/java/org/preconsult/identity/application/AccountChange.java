package org.preconsult.identity.application;

import org.preconsult.identity.model.User;

/** What creating or changing a user account came to: the account as stored, or why nothing changed. */
public sealed interface AccountChange {

    /** Stored; the account as it is now. */
    record Done(User user) implements AccountChange {
    }

    /** Another account already has this name. */
    record NameTaken(String username) implements AccountChange {
    }

    /** The password is shorter than {@code minimumLength}. */
    record WeakPassword(int minimumLength) implements AccountChange {
    }

    /** No account has this name. */
    record Unknown(String username) implements AccountChange {
    }
}
