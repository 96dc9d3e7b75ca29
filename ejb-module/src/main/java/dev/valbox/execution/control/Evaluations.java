package dev.valbox.execution.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.cluster.control.Cluster;
import dev.valbox.cluster.control.ClusterMessage;
import dev.valbox.execution.entity.Evaluation;
import dev.valbox.execution.entity.EvaluationStatus;
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

    @Inject
    Cluster cluster;

    /**
     * Writes evaluations, in one transaction: {@code fresh} ones as new rows, and {@code written} ones over the rows
     * written while they were running (a cluster member's, so that other members list them and can cancel them).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<Evaluation> fresh, List<Evaluation> written) {
        fresh.forEach(evaluation -> em.persist(recorded(evaluation)));
        written.forEach(evaluation -> em.merge(recorded(evaluation)));
    }

    private Evaluation recorded(Evaluation evaluation) {
        return evaluation.recordedWith(
                evaluation.val() == null
                        ? null
                        : em.getReference(Val.class, evaluation.val().id()),
                evaluation.user() == null
                        ? null
                        : em.getReference(User.class, evaluation.user().id()));
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

    /**
     * Stops a running evaluation of the caller's val. Answers whether it was found running. One that another member
     * of the cluster runs (written as running, not running here) gets its cancel through that member.
     */
    public boolean cancel(Caller caller, UUID valId, UUID id) {
        caller.require(Scope.VAL_WRITE);
        var evaluation = recorder.find(id)
                .or(() -> Optional.ofNullable(em.find(Evaluation.class, id)))
                .filter(e -> e.val() != null && e.val().id().equals(valId) && caller.is(e.user()))
                .orElseThrow(Evaluations::notFound);
        if (workers.cancel(evaluation.id())) {
            return true;
        }
        if (cluster.member() && evaluation.status() == EvaluationStatus.RUNNING) {
            cluster.publish(ClusterMessage.CANCEL, evaluation.id().toString());
            return true;
        }
        return false;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Evaluation not found");
    }
}
