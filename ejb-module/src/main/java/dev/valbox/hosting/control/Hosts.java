package dev.valbox.hosting.control;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Classifies a request's Host header against the configured site hosts and run domain. */
public record Hosts(Set<String> siteHosts, String runDomain) {

    public enum Kind {
        SITE,
        RUN,
        UNKNOWN
    }

    public static Hosts of(String siteHosts, String runDomain) {
        return new Hosts(
                Arrays.stream(siteHosts.split(","))
                        .map(Hosts::normalize)
                        .filter(h -> !h.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()),
                normalize(runDomain));
    }

    /** What a run-domain host names: {@code {user}-{val}.web.{domain}} or {@code {user}-{val}.express.{domain}}. */
    public record Endpoint(boolean express, String username, String valName) {}

    /**
     * The val a run-domain host names. The label splits at its first '-', since usernames cannot contain one;
     * labels are lowercase, and val names match case-insensitively.
     */
    public Optional<Endpoint> endpoint(String hostHeader) {
        if (classify(hostHeader) != Kind.RUN) {
            return Optional.empty();
        }
        var host = normalize(withoutPort(hostHeader.trim()));
        var rest = host.substring(0, host.length() - runDomain.length() - 1);
        boolean express;
        if (rest.endsWith(".web")) {
            express = false;
        } else if (rest.endsWith(".express")) {
            express = true;
        } else {
            return Optional.empty();
        }
        var label = rest.substring(0, rest.lastIndexOf('.'));
        int dash = label.indexOf('-');
        if (label.contains(".") || dash < 1 || dash == label.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(express, label.substring(0, dash), label.substring(dash + 1)));
    }

    public Kind classify(String hostHeader) {
        if (hostHeader == null) {
            return Kind.UNKNOWN;
        }
        var host = normalize(withoutPort(hostHeader.trim()));
        if (host.isEmpty()) {
            return Kind.UNKNOWN;
        }
        if (siteHosts.contains(host)) {
            return Kind.SITE;
        }
        if (!runDomain.isEmpty() && host.endsWith("." + runDomain)) {
            return Kind.RUN;
        }
        return Kind.UNKNOWN;
    }

    static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? "" : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static String normalize(String host) {
        var h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
