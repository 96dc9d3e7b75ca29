package dev.valbox.packages.control;

import java.util.Optional;
import java.util.Set;

/**
 * Node's built-in module names, as Node 20's {@code require('module').builtinModules} lists them, plus those that
 * exist only with the {@code node:} prefix. A package that requires one gets the worker's module {@code node:<name>}
 * (NPM-CONTRACT.md): the worker decides which exist, so a package that needs {@code fs} only on a path a val never
 * takes still loads. As in Node, a built-in wins over an npm package of the same name ({@code buffer}, {@code events}).
 */
public final class NodeBuiltins {

    private static final Set<String> NAMES = Set.of(
            "_http_agent",
            "_http_client",
            "_http_common",
            "_http_incoming",
            "_http_outgoing",
            "_http_server",
            "_stream_duplex",
            "_stream_passthrough",
            "_stream_readable",
            "_stream_transform",
            "_stream_wrap",
            "_stream_writable",
            "_tls_common",
            "_tls_wrap",
            "assert",
            "assert/strict",
            "async_hooks",
            "buffer",
            "child_process",
            "cluster",
            "console",
            "constants",
            "crypto",
            "dgram",
            "diagnostics_channel",
            "dns",
            "dns/promises",
            "domain",
            "events",
            "fs",
            "fs/promises",
            "http",
            "http2",
            "https",
            "inspector",
            "inspector/promises",
            "module",
            "net",
            "os",
            "path",
            "path/posix",
            "path/win32",
            "perf_hooks",
            "process",
            "punycode",
            "querystring",
            "readline",
            "readline/promises",
            "repl",
            "stream",
            "stream/consumers",
            "stream/promises",
            "stream/web",
            "string_decoder",
            "sys",
            "timers",
            "timers/promises",
            "tls",
            "trace_events",
            "tty",
            "url",
            "util",
            "util/types",
            "v8",
            "vm",
            "wasi",
            "worker_threads",
            "zlib");

    /** Built-ins that Node knows only by their {@code node:} name. */
    private static final Set<String> PREFIXED_ONLY = Set.of("sea", "sqlite", "test", "test/reporters");

    private static final String PREFIX = "node:";

    private NodeBuiltins() {}

    /** The worker's module key for a specifier naming a Node built-in ({@code buffer}, {@code node:buffer}). */
    public static Optional<String> key(String specifier) {
        if (specifier.startsWith(PREFIX)) {
            var name = specifier.substring(PREFIX.length());
            return NAMES.contains(name) || PREFIXED_ONLY.contains(name) ? Optional.of(specifier) : Optional.empty();
        }
        return NAMES.contains(specifier) ? Optional.of(PREFIX + specifier) : Optional.empty();
    }
}
