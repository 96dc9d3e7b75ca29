package dev.valbox.execution.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Vals can run while at least one worker process is alive; the data shows how many are busy. */
@Liveness
@ApplicationScoped
public class WorkersHealth implements HealthCheck {

    @Inject
    Workers workers;

    @Override
    public HealthCheckResponse call() {
        int alive = workers.alive();
        return HealthCheckResponse.named("workers")
                .status(alive > 0)
                .withData("size", workers.size())
                .withData("alive", alive)
                .withData("ready", workers.ready())
                .withData("busy", workers.busy())
                .build();
    }
}
