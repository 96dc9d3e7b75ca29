package dev.valbox.runner;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the regular expressions Nashorn cannot (regexp.js sends them here) on {@link java.util.regex}, through
 * strings and numbers only: JS hands over the pattern JSON that {@link #describe} made and gets back match
 * positions. Unlike Nashorn's own engine, a match here meets the run's deadline: the matcher reads its input
 * through {@link Checked}, which calls the budget check every 2^16 characters read, so a catastrophically
 * backtracking pattern ends with the run's limit instead of holding the run thread for ever.
 */
final class RegExpEngine {

    private static final int CACHE_SIZE = 256;

    /** Compiled patterns by flags and Java source, shared by all Globals (a Pattern is immutable). */
    private static final Map<String, Pattern> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private RegExpEngine() {}

    /** The JSON regexp.js keeps for a pattern: its Java form, flags, group count and group names. */
    static String describe(String source, String flags) throws JsPattern.PatternSyntaxError, IOException {
        JsPattern p = JsPattern.translate(source, flags);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("java", p.java());
        json.put("javaFlags", p.javaFlags());
        json.put("names", p.names());
        return Frames.JSON_TEXT.asString(json);
    }

    /**
     * The first match at or after {@code from} (exactly at {@code from} when sticky), as comma-separated start and
     * end of the match and of each group (-1 for a group that did not take part), or "" for no match.
     */
    static String exec(String java, int javaFlags, String input, int from, boolean sticky, Runnable check) {
        if (from < 0 || from > input.length()) {
            return "";
        }
        Matcher m = pattern(java, javaFlags).matcher(new Checked(input, check));
        // Lookbehind and the ^ / \b rewrites must see the text before `from`: transparent, non-anchoring bounds.
        m.useTransparentBounds(true).useAnchoringBounds(false);
        boolean found;
        try {
            if (sticky) {
                m.region(from, input.length());
                found = m.lookingAt();
            } else {
                found = m.find(from);
            }
        } catch (StackOverflowError deep) {
            // java.util.regex recurses per repetition of a group: a long input can exhaust the stack where V8 does not.
            throw new IllegalStateException("Maximum call stack size exceeded (regular expression on a long input)");
        }
        if (!found) {
            return "";
        }
        StringBuilder positions = new StringBuilder();
        for (int g = 0; g <= m.groupCount(); g++) {
            positions.append(g > 0 ? "," : "").append(m.start(g)).append(',').append(m.end(g));
        }
        return positions.toString();
    }

    private static Pattern pattern(String java, int javaFlags) {
        String key = javaFlags + ":" + java;
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(key, k -> Pattern.compile(java, javaFlags));
        }
    }

    /** The input as the matcher reads it, calling the deadline check as it goes. */
    private static final class Checked implements CharSequence {
        private final String text;
        private final Runnable check;
        private int reads;

        Checked(String text, Runnable check) {
            this.text = text;
            this.check = check;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFFF) == 0) {
                check.run();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
