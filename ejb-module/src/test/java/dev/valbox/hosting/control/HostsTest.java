package dev.valbox.hosting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.valbox.hosting.control.Hosts.Kind;
import org.junit.jupiter.api.Test;

class HostsTest {

    private final Hosts hosts = Hosts.of("localhost, 127.0.0.1,valbox.example.com", "run.localhost");

    @Test
    void siteHostsMatchOnAnyPortAndAnyCase() {
        assertEquals(Kind.SITE, hosts.classify("localhost"));
        assertEquals(Kind.SITE, hosts.classify("localhost:8080"));
        assertEquals(Kind.SITE, hosts.classify("LOCALHOST:1"));
        assertEquals(Kind.SITE, hosts.classify("127.0.0.1:8080"));
        assertEquals(Kind.SITE, hosts.classify("valbox.example.com."));
    }

    @Test
    void everySubdomainOfTheRunDomainIsRunTraffic() {
        assertEquals(Kind.RUN, hosts.classify("alice-hello.web.run.localhost"));
        assertEquals(Kind.RUN, hosts.classify("alice-hello.express.run.localhost:8080"));
        assertEquals(Kind.RUN, hosts.classify("x.run.localhost"));
    }

    @Test
    void theRunDomainItselfAndLookalikesAreUnknown() {
        assertEquals(Kind.UNKNOWN, hosts.classify("run.localhost"));
        assertEquals(Kind.UNKNOWN, hosts.classify("evilrun.localhost"));
        assertEquals(Kind.UNKNOWN, hosts.classify("localhost.evil.com"));
        assertEquals(Kind.UNKNOWN, hosts.classify("sub.localhost"));
        assertEquals(Kind.UNKNOWN, hosts.classify("192.0.2.2:8080"));
        assertEquals(Kind.UNKNOWN, hosts.classify(""));
        assertEquals(Kind.UNKNOWN, hosts.classify(null));
        assertEquals(Kind.UNKNOWN, hosts.classify("[::1]:8080"));
    }

    @Test
    void runHostsNameAUserAndAVal() {
        assertEquals(
                java.util.Optional.of(new Hosts.Endpoint(false, "alice", "hello")),
                hosts.endpoint("alice-hello.web.run.localhost:8080"));
        assertEquals(
                java.util.Optional.of(new Hosts.Endpoint(true, "alice", "my_val-2")),
                hosts.endpoint("Alice-My_Val-2.express.run.localhost"));
    }

    @Test
    void malformedRunHostsNameNothing() {
        for (var host : new String[] {
            "alice.web.run.localhost",
            "-hello.web.run.localhost",
            "alice-.web.run.localhost",
            "a.alice-hello.web.run.localhost",
            "alice-hello.api.run.localhost",
            "alice-hello.web.evil.localhost",
            "localhost"
        }) {
            assertEquals(java.util.Optional.empty(), hosts.endpoint(host), host);
        }
    }
}
