package dev.valbox.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC §1: the API answers only on the site hosts; the run domain and unknown hosts never reach it. */
@ExtendWith(ArquillianExtension.class)
class HostRoutingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.valbox();
    }

    @ArquillianResource
    URL deployed;

    Api api;
    int port;

    @BeforeEach
    void connect() {
        api = Api.at(deployed);
        port = deployed.getPort();
    }

    @Test
    void bothSiteHostsReachTheApi() {
        var alice = Accounts.signup(api, "alice");
        assertEquals(
                200,
                api.host("127.0.0.1:" + port).token(alice.token()).get("/v1/me").status());
        assertEquals(
                200, api.host("LOCALHOST").token(alice.token()).get("/v1/me").status());
    }

    @Test
    void theRunDomainNeverReachesTheApi() {
        var alice = Accounts.signup(api, "alice");
        var runHost = api.host(alice.username() + "-hello.web.run.localhost:" + port);
        var reply = runHost.token(alice.token()).get("/v1/me");
        assertEquals(404, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        assertEquals("no such val", reply.body().trim());

        var login = api.post(
                "/v1/login", "{\"username\":\"" + alice.username() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
        var cookie = login.header("Set-Cookie").split(";")[0];
        assertEquals(404, runHost.header("Cookie", cookie).get("/v1/me").status());

        var name = Accounts.uniqueName("mallory");
        var signup = api.host("x.express.run.localhost")
                .post(
                        "/v1/signup",
                        "{\"username\":\"" + name + "\",\"email\":\"" + name + "@example.com\",\"password\":\""
                                + Accounts.PASSWORD + "\"}");
        assertEquals(404, signup.status());
        assertEquals(404, api.get("/v1/alias/" + name).status(), "nothing was created through the run domain");
    }

    @Test
    void unknownHostsAre404() {
        for (var host : new String[] {"evil.example", "run.localhost", "localhost.evil.example", "192.0.2.1"}) {
            var reply = api.host(host + ":" + port).get("/v1/search/vals?query=a");
            assertEquals(404, reply.status(), host + ": " + reply);
            assertEquals("unknown host", reply.body().trim());
        }
    }
}
