package dev.valbox.execution.control;

import dev.valbox.accounts.entity.User;
import dev.valbox.execution.entity.Evaluation;
import dev.valbox.execution.entity.Trigger;
import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.tokens.control.Caller;
import dev.valbox.tokens.entity.Scope;
import dev.valbox.vals.control.Page;
import dev.valbox.vals.entity.Val;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * The record of runs. An evaluation is written as running in its own transaction before the run starts (so it can
 * be listed and cancelled while it runs) and finished in another when it ends; no transaction is held open across
 * a run. Only the user whose run it is may read or cancel it.
 */
@Stateless
public class Evaluations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Workers workers;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public UUID start(Val val, Integer version, User user, Trigger trigger) {
        var evaluation = new Evaluation(
                val == null ? null : em.find(Val.class, val.id()),
                version,
                user == null ? null : em.find(User.class, user.id()),
                trigger);
        em.persist(evaluation);
        return evaluation.id();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(UUID id, RunResult result) {
        var evaluation = em.find(Evaluation.class, id);
        if (evaluation != null) {
            evaluation.finish(
                    result.status(),
                    result.wallMs(),
                    result.logs().toString(),
                    result.error() == null ? null : result.error().toString(),
                    result.ok() ? result.value().toString() : null);
        }
    }

    /** The runs of the caller's own val, newest first. Other people's vals have none to show. */
    public Page<Evaluation> ofVal(Caller caller, UUID valId, int offset, int limit) {
        Page.check(offset, limit);
        caller.require(Scope.VAL_READ);
        var val = Optional.ofNullable(em.find(Val.class, valId))
                .filter(v -> caller.is(v.author()))
                .orElseThrow(() -> new NotFoundException("Val not found"));
        return Page.of(
                em.createNamedQuery(Evaluation.OF_VAL, Evaluation.class)
                        .setParameter("val", val)
                        .setFirstResult(offset)
                        .setMaxResults(limit + 1)
                        .getResultList(),
                offset,
                limit);
    }

    public Evaluation get(Caller caller, UUID id) {
        caller.require(Scope.VAL_READ);
        return Optional.ofNullable(em.find(Evaluation.class, id))
                .filter(e -> caller.is(e.user()))
                .orElseThrow(Evaluations::notFound);
    }

    /** Stops a running evaluation of the caller's val. Answers whether it was found running. */
    public boolean cancel(Caller caller, UUID valId, UUID id) {
        caller.require(Scope.VAL_WRITE);
        var evaluation = Optional.ofNullable(em.find(Evaluation.class, id))
                .filter(e -> e.val() != null && e.val().id().equals(valId) && caller.is(e.user()))
                .orElseThrow(Evaluations::notFound);
        return workers.cancel(evaluation.id());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Evaluation not found");
    }
}
