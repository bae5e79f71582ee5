package org.preconsult.identity.application;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Set;
import org.preconsult.identity.model.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first operator account on start from {@code PRECONSULT_OPERATOR_USERNAME} and
 * {@code PRECONSULT_OPERATOR_PASSWORD} (properties {@code preconsult.operator.username/password})
 * when both are set and no such user exists yet. An existing account is never changed.
 */
@Singleton
class OperatorBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final ManagingUsers users;
    private final String username;
    private final String password;

    OperatorBootstrap(ManagingUsers users,
                      @Nullable @Value("${preconsult.operator.username:}") String username,
                      @Nullable @Value("${preconsult.operator.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            return;
        }
        if (!users.exists(username)) {
            var created = users.create(username, password, "Operator", Set.of(Role.OPERATOR));
            if (!(created instanceof AccountChange.Done)) {
                throw new IllegalStateException("The operator account '" + username + "' could not be created: " + created);
            }
            LOG.info("Created operator account '{}'", username);
        }
    }
}
