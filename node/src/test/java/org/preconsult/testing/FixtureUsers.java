package org.preconsult.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.claims.ClaimsGenerator;
import io.micronaut.security.token.jwt.encryption.EncryptionConfiguration;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeSet;
import org.preconsult.identity.infrastructure.UserRow;
import org.preconsult.identity.infrastructure.UserRows;

/**
 * The token generator of test nodes: before it issues a token for a user that does not exist at the
 * node, it adds that user with the token's roles, as an operator would have. Every request is
 * checked against the stored user, so tests that ask for "a coordinator's token" need that
 * coordinator to exist (a test that reuses one name for several roles gets the roles of its latest
 * token). The stored hash matches no password, so such users cannot sign in.
 */
@Singleton
@Replaces(JwtTokenGenerator.class)
public class FixtureUsers extends JwtTokenGenerator {

    private final UserRows users;

    public FixtureUsers(@Nullable @Named("generator") SignatureGeneratorConfiguration signatureConfiguration,
                        @Nullable @Named("generator") EncryptionConfiguration encryptionConfiguration,
                        ClaimsGenerator claimsGenerator, UserRows users) {
        super(signatureConfiguration, encryptionConfiguration, claimsGenerator);
        this.users = users;
    }

    @Override
    public Optional<String> generateToken(Authentication authentication, @Nullable Integer expiration) {
        String roles = String.join(",", new TreeSet<>(authentication.getRoles()));
        var existing = users.findById(authentication.getName());
        if (existing.isEmpty()) {
            users.save(new UserRow(authentication.getName(), "fixture$no-password", roles, null, true, Instant.now()));
        } else if (!existing.get().roles().equals(roles)) {
            var row = existing.get();
            users.update(new UserRow(row.username(), row.passwordHash(), roles, row.displayName(), row.enabled(),
                    row.createdAt()));
        }
        return super.generateToken(authentication, expiration);
    }
}
