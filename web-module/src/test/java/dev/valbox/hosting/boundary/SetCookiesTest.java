package dev.valbox.hosting.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SetCookiesTest {

    @Test
    void theDomainAttributeIsRemovedWhereverItIsAndHoweverItIsWritten() {
        assertEquals("a=1; Path=/; HttpOnly", SetCookies.hostOnly("a=1; Domain=run.localhost; Path=/; HttpOnly"));
        assertEquals("a=1", SetCookies.hostOnly("a=1; domain=.localhost"));
        assertEquals("a=1;Secure", SetCookies.hostOnly("a=1;DOMAIN = example.com;Secure"));
        assertEquals("domain=x; Path=/", SetCookies.hostOnly("domain=x; Path=/"), "a cookie named domain stays");
    }

    @Test
    void theSitesSessionCookieIsNeverPassedOn() {
        assertEquals("theirs=1", RunDomain.withoutSessionCookie("valbox_session=abc; theirs=1"));
        assertEquals("a=1; b=2", RunDomain.withoutSessionCookie("a=1;valbox_session=abc;b=2"));
        assertEquals("", RunDomain.withoutSessionCookie("valbox_session=abc"));
    }
}
