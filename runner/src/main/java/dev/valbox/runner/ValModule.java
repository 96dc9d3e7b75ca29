package dev.valbox.runner;

import java.util.Map;

/**
 * One module of a run: compiled code (ES5 CommonJS from the compile op), how its import specifiers map
 * to other module keys, and its URL for {@code import.meta.url} (null when the server sent none). The key
 * names immutable code (a val version), which is what makes caching by key sound.
 */
record ValModule(String key, String code, Map<String, String> imports, String url) {

    /** The comment line the compiler ends its code with (transpiler.js, "Source lines"). */
    private static final String TRAILER = "\n//# valbox {";

    ValModule(String key, String code, Map<String, String> imports) {
        this(key, code, imports, null);
    }

    /**
     * The JSON of the compiler's trailer: the source line of each compiled line, top-level await and static
     * imports. {@code "{}"} for code without one (compiled before the trailer existed).
     */
    String info() {
        int at = code.lastIndexOf(TRAILER);
        if (at < 0 || code.indexOf('\n', at + 1) >= 0) {
            return "{}";
        }
        return code.substring(at + TRAILER.length() - 1);
    }
}
