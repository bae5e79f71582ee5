package org.preconsult.common.infrastructure;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.annotation.PostConstruct;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start a node whose database would acknowledge a commit before it is stored: every
 * answer the node gives (a 201 for a draft, an ACCEPTED to a child) promises that the change
 * survives a crash. On H2 that needs {@code WRITE_DELAY=0} (its default of 500 ms loses the last
 * half second of commits when the process is killed); on PostgreSQL {@code fsync} and
 * {@code synchronous_commit} must be on. An in-memory database promises nothing across a restart
 * and is accepted for tests. {@code preconsult.durability.allow-unsafe=true} starts anyway, with
 * an error in the log.
 */
@Context
class DurableCommits {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

    private final DataSource dataSource;
    private final boolean allowUnsafe;

    DurableCommits(DataSource dataSource, @Nullable DataSourceResolver resolver,
                   @Value("${preconsult.durability.allow-unsafe:false}") boolean allowUnsafe) {
        // The injected data source hands out the current transaction's connection; at start-up
        // there is none, so the check takes a connection of the pool itself.
        this.dataSource = (resolver == null ? DataSourceResolver.DEFAULT : resolver).resolve(dataSource);
        this.allowUnsafe = allowUnsafe;
    }

    @PostConstruct
    void check() throws SQLException {
        List<String> problems;
        try (Connection connection = dataSource.getConnection()) {
            problems = problems(connection);
        }
        if (problems.isEmpty()) {
            return;
        }
        String message = "The database may acknowledge commits before they are stored: " + String.join("; ", problems);
        if (allowUnsafe) {
            LOG.error("{} (started anyway: preconsult.durability.allow-unsafe=true)", message);
            return;
        }
        throw new IllegalStateException(message + ". Fix the database settings, or set preconsult.durability.allow-unsafe=true"
                + " to start anyway and accept losing acknowledged changes in a crash.");
    }

    static List<String> problems(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String url = connection.getMetaData().getURL();
        List<String> problems = new ArrayList<>();
        if (product.contains("h2")) {
            if (url.startsWith("jdbc:h2:mem:")) {
                return problems;
            }
            String delay = setting(connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
            if (delay == null || !delay.equals("0")) {
                problems.add("H2 WRITE_DELAY is " + delay + " ms, not 0 (add ;WRITE_DELAY=0 to the JDBC URL)");
            }
        } else if (product.contains("postgres")) {
            for (String name : new String[] {"fsync", "synchronous_commit"}) {
                String value = setting(connection, "SHOW " + name);
                if (value == null || value.equalsIgnoreCase("off")) {
                    problems.add("PostgreSQL " + name + " is " + value + ", not on");
                }
            }
        }
        return problems;
    }

    private static String setting(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
