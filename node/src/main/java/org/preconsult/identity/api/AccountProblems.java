package org.preconsult.identity.api;

import io.micronaut.http.HttpStatus;
import java.util.List;
import org.preconsult.common.api.Problem;
import org.preconsult.common.api.ProblemException;
import org.preconsult.identity.application.AccountChange;
import org.preconsult.identity.model.User;

/** The one place account outcomes become problem responses. */
public final class AccountProblems {

    private AccountProblems() {
    }

    /** The account as the change left it, or the problem that says why nothing changed. */
    public static User changed(AccountChange change) {
        if (change instanceof AccountChange.Done done) {
            return done.user();
        } else if (change instanceof AccountChange.NameTaken taken) {
            throw new ProblemException(HttpStatus.CONFLICT, "A user named '" + taken.username() + "' already exists.");
        } else if (change instanceof AccountChange.WeakPassword weak) {
            throw ProblemException.invalid("The password is too short.", List.of(new Problem.FieldError("password",
                    "must have at least " + weak.minimumLength() + " characters")));
        } else if (change instanceof AccountChange.Unknown unknown) {
            throw ProblemException.notFound("User", unknown.username());
        }
        throw new IllegalStateException("Unhandled account change " + change);
    }
}
