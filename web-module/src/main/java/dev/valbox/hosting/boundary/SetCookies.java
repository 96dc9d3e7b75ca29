package dev.valbox.hosting.boundary;

import java.util.regex.Pattern;

/** A val may set cookies for its own host only: any Domain attribute is removed from its Set-Cookie headers. */
final class SetCookies {

    private static final Pattern DOMAIN = Pattern.compile("(?i);\\s*domain\\s*=[^;]*");

    private SetCookies() {}

    static String hostOnly(String setCookie) {
        return DOMAIN.matcher(setCookie).replaceAll("");
    }
}
