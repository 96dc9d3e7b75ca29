package dev.valbox.schedules.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Starts the {@link Scheduler} once the application is deployed, from a component of the EJB jar. Its ticks then run
 * in this component's context, where {@code java:app/jdbc/valbox} is found: in the EAR on Payara Server a bean
 * started by the web module's {@code @Initialized} event has no component context, and the lookup fails.
 */
@Singleton
@Startup
@DependsOn("Database")
public class SchedulerStartup {

    @Inject
    Scheduler scheduler;

    @PostConstruct
    void start() {
        scheduler.start();
    }
}
