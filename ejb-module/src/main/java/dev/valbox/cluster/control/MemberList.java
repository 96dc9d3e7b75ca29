package dev.valbox.cluster.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code valbox.cluster} setting: a comma-separated list of {@code host}, {@code host:port} or
 * {@code host:port-port}, where other members may be found, and this member's own {@code valbox.cluster.port}. Both
 * are checked at start so that a typo stops the start with a message instead of leaving a member alone. With
 * PostgreSQL as the coordination engine the members find each other through the database; the list and the port are
 * accepted, checked and logged, and reserved for a data grid (SPEC §7).
 */
public record MemberList(List<String> members, int port) {

    private static final Pattern MEMBER =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:([0-9]{1,5})(-([0-9]{1,5}))?)?");

    public static MemberList parse(String members, String port) {
        if (members == null || members.isBlank()) {
            throw new IllegalArgumentException("valbox.cluster must list at least one member (host, host:port or"
                    + " host:port-port, comma-separated)");
        }
        var list = new ArrayList<String>();
        for (var member : members.split(",", -1)) {
            var text = member.strip();
            var match = MEMBER.matcher(text);
            if (!match.matches()) {
                throw new IllegalArgumentException("valbox.cluster: '" + text
                        + "' is not host, host:port or host:port-port (members are separated by commas)");
            }
            if (match.group(4) != null) {
                int low = port(match.group(4), "valbox.cluster: '" + text + "'");
                if (match.group(6) != null && port(match.group(6), "valbox.cluster: '" + text + "'") < low) {
                    throw new IllegalArgumentException(
                            "valbox.cluster: '" + text + "' has a port range that ends before it starts");
                }
            }
            list.add(text);
        }
        return new MemberList(List.copyOf(list), port(port == null ? "" : port.strip(), "valbox.cluster.port"));
    }

    private static int port(String text, String what) {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65_535) {
            throw new IllegalArgumentException(what + ": a port is a number from 1 to 65535, got '" + text + "'");
        }
        return Integer.parseInt(text);
    }
}
