package dev.valbox.execution.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.execution.entity.Evaluation;
import dev.valbox.problems.entity.NotFoundException;
import dev.valbox.vals.control.Page;
import dev.valbox.vals.entity.Val;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The record of runs. An evaluation is kept in memory while it runs (so it can be read and cancelled) and written
 * once it has finished, in a batch, by the {@link EvaluationRecorder}: no transaction is held open across a run and
 * none is on the path of a request. Only the user whose run it is may read or cancel it.
 */
@Stateless
public class Evaluations {

    @PersistenceContext
    EntityManager em;

    @Inject
    Workers workers;

    @Inject
    EvaluationRecorder recorder;

    /** Writes finished evaluations, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<Evaluation> finished) {
        for (var evaluation : finished) {
            em.persist(evaluation.recordedWith(
                    evaluation.val() == null
                            ? null
                            : em.getReference(Val.class, evaluation.val().id()),
                    evaluation.user() == null
                            ? null
                            : em.getReference(User.class, evaluation.user().id())));
        }
    }

    /**
     * The runs of the caller's own val, newest first: those not written yet (running, or finished a moment ago),
     * then those in the database. One that is written while this reads may be in both; it is shown once.
     */
    public Page<Evaluation> ofVal(Caller caller, UUID valId, int offset, int limit) {
        Page.check(offset, limit);
        caller.require(Scope.VAL_READ);
        var val = Optional.ofNullable(em.find(Val.class, valId))
                .filter(v -> caller.is(v.author()))
                .orElseThrow(() -> new NotFoundException("Val not found"));
        var pending = recorder.unwritten(valId);
        var shown = new ArrayList<>(pending.subList(Math.min(offset, pending.size()), pending.size()));
        var wanted = limit + 1 - shown.size();
        if (wanted > 0) {
            var pendingIds = pending.stream().map(Evaluation::id).collect(Collectors.toSet());
            em.createNamedQuery(Evaluation.OF_VAL, Evaluation.class)
                    .setParameter("val", val)
                    .setFirstResult(Math.max(0, offset - pending.size()))
                    .setMaxResults(wanted + pending.size())
                    .getResultStream()
                    .filter(e -> !pendingIds.contains(e.id()))
                    .limit(wanted)
                    .forEach(shown::add);
        }
        return Page.of(shown, offset, limit);
    }

    public Evaluation get(Caller caller, UUID id) {
        caller.require(Scope.VAL_READ);
        return recorder.find(id)
                .or(() -> Optional.ofNullable(em.find(Evaluation.class, id)))
                .filter(e -> caller.is(e.user()))
                .orElseThrow(Evaluations::notFound);
    }

    /** Stops a running evaluation of the caller's val. Answers whether it was found running. */
    public boolean cancel(Caller caller, UUID valId, UUID id) {
        caller.require(Scope.VAL_WRITE);
        var evaluation = recorder.find(id)
                .or(() -> Optional.ofNullable(em.find(Evaluation.class, id)))
                .filter(e -> e.val() != null && e.val().id().equals(valId) && caller.is(e.user()))
                .orElseThrow(Evaluations::notFound);
        return workers.cancel(evaluation.id());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Evaluation not found");
    }
}
