package dev.valbox.runner;

import java.util.Map;

/**
 * One module of a run: compiled code (ES5 CommonJS from the compile op) and how its import specifiers map
 * to other module keys. The key names immutable code (a val version), which is what makes caching by key
 * sound.
 */
record ValModule(String key, String code, Map<String, String> imports) {}
