package dev.valbox.cluster.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Checks the cluster settings and starts the member's listener when the application is deployed, from a component of
 * the EJB jar. A bad setting throws here, which fails the deployment: a member never serves half-configured.
 */
@Singleton
@Startup
public class ClusterStartup {

    @Inject
    Cluster cluster;

    @PostConstruct
    void start() {
        cluster.start();
    }
}
