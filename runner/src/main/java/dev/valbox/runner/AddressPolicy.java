package dev.valbox.runner;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a val's {@code fetch} may connect to. Production uses {@link #PUBLIC_ONLY}, or
 * {@link #ANY} for a run whose limits set {@code allowPrivateFetch}. Tests add exact exceptions with
 * {@link #allowing(InetSocketAddress)} so that a local server can be the first hop of a redirect whose
 * next hop must still be refused.
 */
@FunctionalInterface
interface AddressPolicy {

    /** Why a connection to this address and port is refused (e.g. "loopback"), or null when allowed. */
    String refusal(InetAddress address, int port);

    AddressPolicy ANY = (address, port) -> null;

    AddressPolicy PUBLIC_ONLY = (address, port) -> nonPublic(address);

    /** This policy, plus exactly one address and port allowed whatever it is. */
    default AddressPolicy allowing(InetSocketAddress exception) {
        return (address, port) ->
                address.equals(exception.getAddress()) && port == exception.getPort() ? null : refusal(address, port);
    }

    /** What kind of non-public address this is, or null for a public unicast address. */
    static String nonPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return nonPublic6(b);
        }
        return nonPublic4(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF);
    }

    private static String nonPublic4(int a, int b, int c) {
        if (a == 0) {
            return "unspecified";
        }
        if (a == 127) {
            return "loopback";
        }
        if (a == 10 || (a == 172 && (b & 0xF0) == 16) || (a == 192 && b == 168)) {
            return "private";
        }
        if (a == 169 && b == 254) {
            return "link-local";
        }
        if (a == 100 && (b & 0xC0) == 64) {
            return "shared (CGNAT)";
        }
        if (a == 192 && b == 0 && c == 0) {
            return "reserved";
        }
        if (a >= 224 && a <= 239) {
            return "multicast";
        }
        if (a >= 240) {
            return "reserved";
        }
        return null;
    }

    private static String nonPublic6(byte[] b) {
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        if (first == 0xFF) {
            return "multicast";
        }
        if ((first & 0xFE) == 0xFC) {
            return "private";
        }
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return "link-local";
        }
        if (first == 0xFE && (second & 0xC0) == 0xC0) {
            return "site-local";
        }
        // Forms that carry an IPv4 address: judge the IPv4 address. Java turns ::ffff:a.b.c.d into an
        // Inet4Address when parsing, but not every route to an Inet6Address does.
        if (allZero(b, 0, 10) && (b[10] & b[11] & 0xFF) == 0xFF) {
            return embedded(b, 12, "IPv4-mapped");
        }
        if (allZero(b, 0, 12)) {
            if (allZero(b, 12, 15)) {
                return b[15] == 1 ? "loopback" : b[15] == 0 ? "unspecified" : "reserved";
            }
            return embedded(b, 12, "IPv4-compatible");
        }
        if (first == 0x00 && second == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B && allZero(b, 4, 12)) {
            return embedded(b, 12, "NAT64");
        }
        if (first == 0x20 && second == 0x02) {
            return embedded(b, 2, "6to4");
        }
        return null;
    }

    private static String embedded(byte[] b, int at, String form) {
        String kind = nonPublic4(b[at] & 0xFF, b[at + 1] & 0xFF, b[at + 2] & 0xFF);
        return kind == null ? null : form + " " + kind;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An address literal as people write it in a URL, for error messages. */
    static String literal(InetAddress address) {
        String text = address.getHostAddress();
        if (address instanceof Inet6Address) {
            try {
                // Compress the zeros Java writes out (0:0:0:0:0:0:0:1 -> ::1).
                text = InetAddress.getByAddress(address.getAddress()).getHostAddress();
            } catch (UnknownHostException cannotHappen) {
                return text;
            }
            return compress(text);
        }
        return text;
    }

    private static String compress(String full) {
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (bestStart < 0) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
        return head + "::" + tail;
    }
}
