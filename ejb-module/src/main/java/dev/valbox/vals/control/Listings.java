package dev.valbox.vals.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.vals.entity.ValVersion;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.UUID;

/** The lists of vals a caller sees: a user's profile and search. Each item is the val's current version. */
@Stateless
public class Listings {

    public static final int MAX_QUERY = 512;
    /** Matches no user: the anonymous viewer in queries that also show the viewer's own vals. */
    private static final UUID NOBODY = new UUID(0, 0);

    @PersistenceContext
    EntityManager em;

    public Page<ValVersion> byAuthor(Caller caller, User author, int offset, int limit) {
        Page.check(offset, limit);
        return Page.of(
                em.createNamedQuery(ValVersion.CURRENT_BY_AUTHOR, ValVersion.class)
                        .setParameter("author", author)
                        .setParameter("privacies", Visibility.listedFor(caller, author))
                        .setFirstResult(offset)
                        .setMaxResults(limit + 1)
                        .getResultList(),
                offset,
                limit);
    }

    /** Public vals, and the caller's own vals when it may read them, whose name, readme or code contains the query. */
    public Page<ValVersion> search(Caller caller, String query, int offset, int limit) {
        Page.check(offset, limit);
        if (query == null || query.isEmpty() || query.length() > MAX_QUERY) {
            throw new InvalidInputException("query", "query must be 1-" + MAX_QUERY + " characters");
        }
        var viewer = caller.has(Scope.VAL_READ) ? caller.userId().orElse(NOBODY) : NOBODY;
        return Page.of(
                em.createNamedQuery(ValVersion.SEARCH, ValVersion.class)
                        .setParameter("viewer", viewer)
                        .setParameter("pattern", "%" + escapeLike(query.toLowerCase(Locale.ROOT)) + "%")
                        .setFirstResult(offset)
                        .setMaxResults(limit + 1)
                        .getResultList(),
                offset,
                limit);
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
