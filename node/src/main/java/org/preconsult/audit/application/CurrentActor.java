package org.preconsult.audit.application;

import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

/**
 * Names who is acting, for the audit trail: the signed-in user of the current HTTP request, or
 * {@link #SYSTEM} when the node acts on its own (schedules, start-up). Changes that arrive through
 * the federation name their sending node with {@link #federation(String)}.
 */
@Singleton
public class CurrentActor {

    /** The actor of changes the node makes on its own. */
    public static final String SYSTEM = "system";

    private final SecurityService security;

    public CurrentActor(SecurityService security) {
        this.security = security;
    }

    /** The signed-in username, or {@link #SYSTEM} outside an authenticated request. */
    public String current() {
        return security.username().orElse(SYSTEM);
    }

    /** The actor of a change that node {@code nodeId} sent through the federation. */
    public static String federation(String nodeId) {
        return "federation:" + nodeId;
    }
}
