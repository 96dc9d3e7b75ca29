package dev.valbox.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValAddressTest {

    @Test
    void theFirstDotSplitsUserFromValAndTheUserAndDomainIgnoreCase() {
        assertEquals(
                Optional.of(new ValAddress("alice", "Invoices_2")),
                ValAddress.parse("Alice.Invoices_2@Mail.Example.COM", "mail.example.com"));
        assertEquals("alice.inbox@valbox.test", new ValAddress("alice", "inbox").in("valbox.test"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "alice.inbox@other.test",
                "alice@valbox.test",
                "alice.inbox.more@valbox.test",
                "alice.@valbox.test",
                ".inbox@valbox.test",
                "a.inbox@valbox.test",
                "alice.9lives@valbox.test",
                "alice.inbox",
                "",
                "alice.inbox@valbox.test.evil.test"
            })
    void anythingElseIsNoValsAddress(String address) {
        assertTrue(ValAddress.parse(address, "valbox.test").isEmpty(), address);
    }

    @Test
    void theDefaultDomainIsTheSitesHost() {
        assertEquals("valbox.example.com", InboundSmtp.defaultDomain("https://Valbox.Example.com:8443/"));
        assertEquals("localhost", InboundSmtp.defaultDomain("http://localhost:8080"));
    }
}
