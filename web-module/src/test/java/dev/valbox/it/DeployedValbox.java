package dev.valbox.it;

import java.io.File;
import java.net.URL;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test stands on: the WAR this module built, unchanged (the tests are black-box), deployed
 * on the one Payara Micro the whole run shares ({@link OneServerPerSuite}), and an anonymous {@link Api} client of it.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedValbox {

    @Deployment(testable = false)
    static WebArchive valbox() {
        var war = new File(System.getProperty("valbox.war", "target/valbox.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("build the WAR first: " + war.getAbsolutePath() + " is missing");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    @ArquillianResource
    URL deployed;

    /** The server's API, as nobody in particular; {@code api.token(…)} speaks as someone. */
    Api api;

    @BeforeEach
    void connectToTheServer() {
        api = Api.at(deployed);
    }

    /** A -D option the server was started with (see the failsafe executions in the POM). */
    static String serverArg(String name) {
        var matcher = Pattern.compile("-D" + Pattern.quote(name) + "=(\\S+)")
                .matcher(System.getProperty("valbox.it.jvmArgs", ""));
        if (!matcher.find()) {
            throw new AssertionError("the server was not started with -D" + name);
        }
        return matcher.group(1);
    }
}
