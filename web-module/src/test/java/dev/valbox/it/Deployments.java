package dev.valbox.it;

import java.io.File;
import java.util.regex.Pattern;
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

    /** A -D option the server was started with (see the failsafe executions in the POM). */
    public static String serverArg(String name) {
        var matcher = Pattern.compile("-D" + Pattern.quote(name) + "=(\\S+)")
                .matcher(System.getProperty("valbox.it.jvmArgs", ""));
        if (!matcher.find()) {
            throw new AssertionError("the server was not started with -D" + name);
        }
        return matcher.group(1);
    }
}
