package dev.valbox.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Every integration test deploys the WAR this module built, unchanged: the tests are black-box. */
public final class Deployments {

    private Deployments() {}

    public static WebArchive valbox() {
        var war = new File(System.getProperty("valbox.war", "target/valbox.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("build the WAR first: " + war.getAbsolutePath() + " is missing");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
