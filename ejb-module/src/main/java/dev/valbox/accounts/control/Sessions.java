package dev.valbox.accounts.control;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.Session;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.UnauthenticatedException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Browser logins. The cookie value is random; only its SHA-256 is stored. */
@Stateless
public class Sessions {

    /** A new login: the raw cookie value (never stored) and the CSRF token the browser echoes on writes. */
    public record Login(User user, String cookieValue, String csrfToken, Instant expiresAt) {}

    /** The session a request presented, as the caller it acts for. */
    public record Current(Caller caller, String csrfToken) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "valbox.session.ttl-hours", defaultValue = "168")
    long ttlHours;

    public Login login(String username, String password) {
        var user = Optional.ofNullable(username)
                .filter(name -> name.length() <= 64)
                .flatMap(accounts::findByUsername);
        if (!passwords.matches(password, user.map(User::passwordHash).orElse(null))) {
            throw new UnauthenticatedException("Wrong username or password.");
        }
        var cookie = randomValue();
        var csrf = randomValue();
        var expiresAt = Instant.now().plus(Duration.ofHours(ttlHours));
        em.persist(new Session(Sha256.hex(cookie), user.get(), csrf, expiresAt));
        return new Login(user.get(), cookie, csrf, expiresAt);
    }

    public Optional<Current> find(String cookieValue) {
        var session = em.find(Session.class, Sha256.hex(cookieValue));
        if (session == null || session.expired(Instant.now())) {
            return Optional.empty();
        }
        return Optional.of(
                new Current(new Caller(session.user(), Scope.all(), Caller.Via.SESSION), session.csrfToken()));
    }

    public void logout(String cookieValue) {
        Optional.ofNullable(em.find(Session.class, Sha256.hex(cookieValue))).ifPresent(em::remove);
    }

    private static String randomValue() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
