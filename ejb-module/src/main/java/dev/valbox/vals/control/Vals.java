package dev.valbox.vals.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.execution.control.Compiler;
import dev.valbox.execution.entity.Evaluation;
import dev.valbox.packages.control.Packages;
import dev.valbox.problems.entity.ConflictException;
import dev.valbox.problems.entity.ForbiddenException;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.vals.entity.Privacy;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValType;
import dev.valbox.vals.entity.ValVersion;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Creating, changing and reading vals and their versions, as a caller. Reads return the version asked for. */
@Stateless
public class Vals {

    static final ValType DEFAULT_TYPE = ValType.SCRIPT;
    /** Companies run Valbox for internal scripts: a val is private until its author says otherwise. */
    static final Privacy DEFAULT_PRIVACY = Privacy.PRIVATE;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Compiler compiler;

    @Inject
    Schedules schedules;

    @Inject
    Packages packages;

    public ValVersion create(Caller caller, NewVal draft) {
        caller.require(Scope.VAL_WRITE);
        schedules.check(draft.schedule());
        var name = draft.name() == null ? untitledName(caller.user()) : draft.name();
        var val = new Val(
                caller.user(),
                name,
                draft.type() == null ? DEFAULT_TYPE : draft.type(),
                draft.privacy() == null ? DEFAULT_PRIVACY : draft.privacy(),
                draft.readme());
        requireFreeName(caller.user(), val.name(), val);
        var version = val.saveCode(draft.code());
        compiler.compileInto(version);
        packages.resolveInto(version);
        em.persist(val);
        em.persist(version);
        schedules.apply(val, draft.schedule());
        return version;
    }

    /** PUT /v1/vals: a new version of the caller's val with this name, or a new val. */
    public ValVersion createOrSave(Caller caller, String name, String code) {
        caller.require(Scope.VAL_WRITE);
        var existing = findByName(caller.user(), name);
        if (existing.isEmpty()) {
            return create(caller, new NewVal(code, name, null, null, null));
        }
        var val = em.find(Val.class, existing.get().id(), LockModeType.PESSIMISTIC_WRITE);
        return save(val, code);
    }

    public ValVersion saveVersion(Caller caller, UUID id, NewVal draft) {
        schedules.check(draft.schedule());
        var val = getForChange(caller, id);
        change(val, draft.changes());
        return save(val, draft.code());
    }

    public void update(Caller caller, UUID id, ValChanges changes) {
        if (changes.empty()) {
            throw new InvalidInputException(
                    "body", "give at least one of name, readme, privacy, type, scopes, schedule");
        }
        schedules.check(changes.schedule());
        var val = getForChange(caller, id);
        if (changes.scopes() != null && !caller.scopes().containsAll(changes.scopes())) {
            throw new ForbiddenException("A val's token cannot be given scopes the caller does not hold.");
        }
        change(val, changes);
    }

    public void delete(Caller caller, UUID id) {
        var val = getForChange(caller, id);
        em.createNamedQuery(Evaluation.DELETE_OF_VAL).setParameter("val", val).executeUpdate();
        schedules.deleteOf(val);
        em.createNamedQuery(ValVersion.DELETE_ALL).setParameter("val", val).executeUpdate();
        em.remove(val);
    }

    public void deleteVersion(Caller caller, UUID id, int number) {
        var val = getForChange(caller, id);
        var version =
                findVersion(val, number).orElseThrow(() -> new NotFoundException("Version " + number + " not found"));
        long count = em.createNamedQuery(ValVersion.COUNT, Long.class)
                .setParameter("val", val)
                .getSingleResult();
        if (count <= 1) {
            throw new ConflictException("version", "a val keeps at least one version; delete the val instead");
        }
        em.remove(version);
        em.flush();
        val.versionDeleted(em.createNamedQuery(ValVersion.NEWEST, Integer.class)
                .setParameter("val", val)
                .getSingleResult());
    }

    public ValVersion get(Caller caller, UUID id) {
        var val = getViewable(caller, id);
        return findVersion(val, val.version()).orElseThrow(Visibility::notFound);
    }

    public ValVersion getVersion(Caller caller, UUID id, int number) {
        return findVersion(getViewable(caller, id), number)
                .orElseThrow(() -> new NotFoundException("Version " + number + " not found"));
    }

    public Page<ValVersion> versions(Caller caller, UUID id, int offset, int limit) {
        Page.check(offset, limit);
        var val = getViewable(caller, id);
        return Page.of(
                em.createNamedQuery(ValVersion.LIST, ValVersion.class)
                        .setParameter("val", val)
                        .setFirstResult(offset)
                        .setMaxResults(limit + 1)
                        .getResultList(),
                offset,
                limit);
    }

    /** A version of a val by its author's username and its name; the latest when {@code number} is null. */
    public ValVersion source(Caller caller, String username, String name, Integer number) {
        var val = em.createQuery(
                        "SELECT v FROM Val v WHERE v.author.username = :username AND v.nameKey = :key", Val.class)
                .setParameter("username", username)
                .setParameter("key", Val.key(name))
                .getResultStream()
                .findFirst()
                .orElseThrow(Visibility::notFound);
        Visibility.requireViewable(val, caller);
        int wanted = number == null ? val.version() : number;
        return findVersion(val, wanted).orElseThrow(() -> new NotFoundException("Version " + wanted + " not found"));
    }

    public ValVersion byAlias(Caller caller, User author, String name) {
        var val = findByName(author, name).orElseThrow(Visibility::notFound);
        Visibility.requireViewable(val, caller);
        return findVersion(val, val.version()).orElseThrow(Visibility::notFound);
    }

    /**
     * The version that runs for a user's val, whatever its privacy: endpoints on the run domain are open to anyone
     * with the URL (SPEC §3). Never use this to show code or metadata.
     */
    public Optional<ValVersion> current(String username, String name) {
        return em.createQuery(
                        "SELECT vv FROM ValVersion vv JOIN FETCH vv.val v WHERE vv.version = v.version"
                                + " AND v.author.username = :username AND v.nameKey = :key",
                        ValVersion.class)
                .setParameter("username", username)
                .setParameter("key", Val.key(name))
                .getResultStream()
                .findFirst();
    }

    /** The version that runs of a val, whatever its privacy: for its scheduled runs. Never use this to show it. */
    public Optional<ValVersion> current(UUID valId) {
        return em.createQuery(
                        "SELECT vv FROM ValVersion vv JOIN FETCH vv.val v WHERE vv.version = v.version AND v.id = :id",
                        ValVersion.class)
                .setParameter("id", valId)
                .getResultStream()
                .findFirst();
    }

    /** The version that runs of the caller's own val, for a change that is not a save (running it now). */
    public ValVersion own(Caller caller, UUID id) {
        caller.require(Scope.VAL_WRITE);
        var val = Optional.ofNullable(em.find(Val.class, id)).orElseThrow(Visibility::notFound);
        Visibility.requireAuthor(val, caller);
        return findVersion(val, val.version()).orElseThrow(Visibility::notFound);
    }

    private Val getViewable(Caller caller, UUID id) {
        var val = Optional.ofNullable(em.find(Val.class, id)).orElseThrow(Visibility::notFound);
        Visibility.requireViewable(val, caller);
        return val;
    }

    private Val getForChange(Caller caller, UUID id) {
        caller.require(Scope.VAL_WRITE);
        var val = Optional.ofNullable(em.find(Val.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(Visibility::notFound);
        Visibility.requireAuthor(val, caller);
        return val;
    }

    /** The name is checked before the managed val changes, so a clash never reaches the database. */
    private void change(Val val, ValChanges changes) {
        if (changes.name() != null) {
            requireFreeName(val.author(), changes.name(), val);
        }
        changes.applyTo(val);
        schedules.apply(val, changes.schedule());
    }

    private ValVersion save(Val val, String code) {
        var version = val.saveCode(code);
        compiler.compileInto(version);
        packages.resolveInto(version);
        em.persist(version);
        return version;
    }

    private Optional<Val> findByName(User author, String name) {
        return em.createNamedQuery(Val.BY_NAME, Val.class)
                .setParameter("author", author)
                .setParameter("key", Val.key(name))
                .getResultStream()
                .findFirst();
    }

    private Optional<ValVersion> findVersion(Val val, int number) {
        return em.createNamedQuery(ValVersion.OF_VAL, ValVersion.class)
                .setParameter("val", val)
                .setParameter("version", number)
                .getResultStream()
                .findFirst();
    }

    private void requireFreeName(User author, String name, Val self) {
        var clash = findByName(author, name).filter(other -> !other.id().equals(self.id()));
        if (clash.isPresent()) {
            throw new ConflictException(
                    "name", "you already have a val named '" + clash.get().name() + "'");
        }
    }

    private String untitledName(User author) {
        while (true) {
            var name = "untitled_"
                    + Long.toString(RANDOM.nextLong() & 0xffffffffL, 36).toLowerCase(Locale.ROOT);
            if (findByName(author, name).isEmpty()) {
                return name;
            }
        }
    }
}
