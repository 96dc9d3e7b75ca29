package dev.valbox.accounts.control;

import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.ConflictException;
import dev.valbox.problems.entity.ForbiddenException;
import dev.valbox.problems.entity.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signing up and looking users up. */
@Stateless
public class Accounts {

    public record SignedUp(User user, String token) {}

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    FirstToken firstToken;

    @Inject
    @ConfigProperty(name = "valbox.signup.enabled", defaultValue = "true")
    boolean signupEnabled;

    /** Creates the user and a first API token with every scope. */
    public SignedUp signup(String username, String email, String password) {
        if (!signupEnabled) {
            throw new ForbiddenException("Sign-up is disabled on this server.");
        }
        var user = new User(User.requireUsername(username), email, passwords.hash(password));
        if (findByUsername(user.username()).isPresent()) {
            throw new ConflictException("username", "username '" + user.username() + "' is taken");
        }
        if (!em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", user.email())
                .getResultList()
                .isEmpty()) {
            throw new ConflictException("email", "an account with this email already exists");
        }
        em.persist(user);
        return new SignedUp(user, firstToken.issueTo(user));
    }

    /** Whether anyone may sign up on this server ({@code valbox.signup.enabled}). */
    public boolean signupEnabled() {
        return signupEnabled;
    }

    public User me(Caller caller) {
        caller.require(Scope.USER_READ);
        return caller.user();
    }

    public Optional<User> findByUsername(String username) {
        return em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("username", username.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    public User getByUsername(String username) {
        return findByUsername(username).orElseThrow(Accounts::userNotFound);
    }

    /** By id, or by username for clients that pass one where an id is expected. */
    public User getByIdOrUsername(String idOrUsername) {
        return parseUuid(idOrUsername)
                .map(id -> em.find(User.class, id))
                .or(() -> findByUsername(idOrUsername))
                .orElseThrow(Accounts::userNotFound);
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static NotFoundException userNotFound() {
        return new NotFoundException("User not found");
    }
}
