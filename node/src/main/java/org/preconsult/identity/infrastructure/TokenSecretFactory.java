package org.preconsult.identity.infrastructure;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Supplies the secret that signs this node's login tokens: {@code preconsult.jwt-secret} when set
 * (e.g. {@code PRECONSULT_JWT_SECRET}), otherwise a random secret generated on first start into
 * {@code <data-dir>/jwt-secret} so that tokens survive restarts. Each node has its own secret: a
 * token is valid only at the node that issued it.
 */
@Factory
@Requires(missingProperty = "micronaut.security.token.jwt.signatures.secret.generator.secret")
class TokenSecretFactory {

    /** HS256 needs a key of at least 256 bits. */
    static final int MIN_SECRET_LENGTH = 32;

    /**
     * The signature that signs and verifies tokens. Provided as the signature itself (not only its
     * configuration), so that the token generator and validator use it directly: without it
     * Micronaut would issue unsigned tokens. The declared type is the interface on purpose: a
     * factory method returning SecretSignature would inherit that class's each-bean wiring and
     * never be created.
     */
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration generatorSignature(@Value("${preconsult.data-dir}") String dataDir,
                                       @Nullable @Value("${preconsult.jwt-secret:}") String configured) {
        var configuration = new SecretSignatureConfiguration("generator");
        if (configured != null && !configured.isEmpty() && configured.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("PRECONSULT_JWT_SECRET (preconsult.jwt-secret) has " + configured.length()
                    + " characters; it needs at least " + MIN_SECRET_LENGTH + ". Set a longer random secret, or unset it "
                    + "to let the node generate one in its data directory.");
        }
        configuration.setSecret(configured != null && !configured.isEmpty() ? configured : storedSecret(Path.of(dataDir)));
        return new SecretSignature(configuration);
    }

    private static String storedSecret(Path dataDir) {
        Path file = dataDir.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dataDir);
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getEncoder().encodeToString(random);
            try {
                // Created owner-only from the start: never readable by others, not even briefly.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                // Not a POSIX file system: the data directory's own permissions protect the file.
                Files.createFile(file);
            }
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token secret in " + dataDir, e);
        }
    }
}
