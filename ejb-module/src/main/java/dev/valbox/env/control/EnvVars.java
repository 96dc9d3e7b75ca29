package dev.valbox.env.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.env.control.SecretBox.SealBrokenException;
import dev.valbox.env.entity.EnvVar;
import dev.valbox.problems.entity.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A user's env vars: listing keys, setting and deleting values, and opening them for a run. */
@Stateless
public class EnvVars {

    @PersistenceContext
    EntityManager em;

    @Inject
    Secrets secrets;

    public List<EnvVar> list(Caller caller) {
        caller.require(Scope.USER_WRITE);
        return ofUser(caller.user());
    }

    /** Creates the var or replaces its value. */
    public void put(Caller caller, String key, String value) {
        caller.require(Scope.USER_WRITE);
        EnvVar.requireKey(key);
        EnvVar.requireValue(value);
        var user = caller.user();
        var sealed = secrets.box().seal(value, context(user, key));
        find(user, key)
                .ifPresentOrElse(envVar -> envVar.replace(sealed), () -> em.persist(new EnvVar(user, key, sealed)));
    }

    public void delete(Caller caller, String key) {
        caller.require(Scope.USER_WRITE);
        EnvVar.requireKey(key);
        em.remove(find(caller.user(), key)
                .orElseThrow(() -> new NotFoundException("There is no env var '" + key + "'.")));
    }

    /**
     * The author's env vars in the clear, for one run of one of their vals. Not a use case of its own: the run
     * decides whose env it gets.
     */
    public Map<String, String> forRun(User author) {
        var env = new TreeMap<String, String>();
        for (var envVar : ofUser(author)) {
            try {
                env.put(envVar.key(), secrets.box().open(envVar.sealed(), context(author, envVar.key())));
            } catch (SealBrokenException e) {
                throw new IllegalStateException(
                        "env var " + envVar.key() + " of " + author.username()
                                + " does not open with this server's secrets key: was valbox.secrets.key or "
                                + Secrets.KEY_FILE + " changed?",
                        e);
            }
        }
        return env;
    }

    /** What a sealed value is bound to: its user and its key (keys cannot contain ':'). */
    static String context(User user, String key) {
        return "valbox.env:" + user.id() + ":" + key;
    }

    private List<EnvVar> ofUser(User user) {
        return em.createNamedQuery(EnvVar.OF_USER, EnvVar.class)
                .setParameter("user", user)
                .getResultList();
    }

    private Optional<EnvVar> find(User user, String key) {
        return em.createNamedQuery(EnvVar.BY_KEY, EnvVar.class)
                .setParameter("user", user)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }
}
