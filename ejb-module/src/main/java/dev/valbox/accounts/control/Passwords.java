package dev.valbox.accounts.control;

import dev.valbox.problems.entity.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Password rules and hashing, with Jakarta Security's PBKDF2. */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 1024;

    @Inject
    Pbkdf2PasswordHash hash;

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
    @Inject
    @ConfigProperty(name = "valbox.accounts.password-iterations", defaultValue = "210000")
    int iterations;

    /** Verified against when a username is unknown, so a login takes as long either way. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash.generate("not a password of anyone".toCharArray());
    }

    public String hash(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidInputException(
                    "password", "password must be " + MIN_LENGTH + "-" + MAX_LENGTH + " characters");
        }
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String stored) {
        if (password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        return hash.verify(password.toCharArray(), stored == null ? decoy : stored) && stored != null;
    }
}
