package dev.valbox.hosting.control;

import java.util.Arrays;
import java.util.Locale;
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
