package dev.valbox.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * One Payara Micro per test run instead of one per test class. The Payara Micro adapter starts a server process on
 * every deploy and kills it on every undeploy; each IT class deploys the same WAR ({@link Deployments#valbox()}), so
 * this container starts the server for the first class, hands the same server to every later class, and stops it
 * when Arquillian stops its containers at the end of the run. Tests stay independent by working as their own
 * freshly signed-up users ({@link Accounts}), never by relying on an empty server.
 *
 * <p>A class that deploys a different archive is refused rather than silently given the wrong server.
 */
public class OneServerPerSuite extends PayaraMicroDeployableContainer {

    private Archive<?> deployed;
    private ProtocolMetaData server;

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (deployed == null) {
            server = super.deploy(archive);
            deployed = archive;
        } else if (!deployed.getName().equals(archive.getName())) {
            throw new DeploymentException("the integration tests share one server running " + deployed.getName() + "; "
                    + archive.getName() + " needs a suite of its own");
        }
        return server;
    }

    /** The server outlives each class: the next class runs against it. */
    @Override
    public void undeploy(Archive<?> archive) {}

    @Override
    public synchronized void stop() throws LifecycleException {
        if (deployed != null) {
            try {
                super.undeploy(deployed);
            } catch (DeploymentException e) {
                throw new LifecycleException("could not stop the shared server", e);
            } finally {
                deployed = null;
                server = null;
            }
        }
        super.stop();
    }

    /** Registered in {@code META-INF/services}: replaces the adapter's container with this one. */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, OneServerPerSuite.class);
        }
    }
}
