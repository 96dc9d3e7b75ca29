package dev.valbox.runner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JavaScript regular expression (ES2024 syntax, flags {@code dgimsuy}) rewritten as an equivalent
 * {@link java.util.regex.Pattern}, for the patterns Nashorn's own engine cannot parse (lookbehind, named groups,
 * the {@code u}, {@code s} and {@code y} flags). Everything whose meaning differs between the two dialects is
 * spelled out instead of passed through: {@code ^ $ . \b \s}, escapes Java reads differently ({@code \v \h \0}),
 * every literal character (Java's {@code &&} and nested classes), named groups (renumbered: Java's names are
 * narrower). A pattern JavaScript rejects, or one Java cannot express, throws {@link PatternSyntaxError} with a
 * message in V8's words that names the feature.
 */
record JsPattern(String java, int javaFlags, List<String> names) {

    private static final String LINE_TERMINATORS = "\\n\\r\\x{2028}\\x{2029}";
    private static final String SPACES =
            "\\t\\n\\x{B}\\f\\r\\x{20}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}";
    private static final String WORD = "a-zA-Z0-9_";
    private static final String DIGITS = "0-9";

    /** General_Category long names (ECMA-262 table "Value aliases and canonical values for General_Category"). */
    private static final Map<String, String> CATEGORIES = new HashMap<>();

    static {
        String[] pairs = {
            "Cased_Letter",
            "LC",
            "Close_Punctuation",
            "Pe",
            "Connector_Punctuation",
            "Pc",
            "Control",
            "Cc",
            "cntrl",
            "Cc",
            "Currency_Symbol",
            "Sc",
            "Dash_Punctuation",
            "Pd",
            "Decimal_Number",
            "Nd",
            "digit",
            "Nd",
            "Enclosing_Mark",
            "Me",
            "Final_Punctuation",
            "Pf",
            "Format",
            "Cf",
            "Initial_Punctuation",
            "Pi",
            "Letter",
            "L",
            "Letter_Number",
            "Nl",
            "Line_Separator",
            "Zl",
            "Lowercase_Letter",
            "Ll",
            "Mark",
            "M",
            "Combining_Mark",
            "M",
            "Math_Symbol",
            "Sm",
            "Modifier_Letter",
            "Lm",
            "Modifier_Symbol",
            "Sk",
            "Nonspacing_Mark",
            "Mn",
            "Number",
            "N",
            "Open_Punctuation",
            "Ps",
            "Other",
            "C",
            "Other_Letter",
            "Lo",
            "Other_Number",
            "No",
            "Other_Punctuation",
            "Po",
            "Other_Symbol",
            "So",
            "Paragraph_Separator",
            "Zp",
            "Private_Use",
            "Co",
            "Punctuation",
            "P",
            "punct",
            "P",
            "Separator",
            "Z",
            "Space_Separator",
            "Zs",
            "Spacing_Mark",
            "Mc",
            "Surrogate",
            "Cs",
            "Symbol",
            "S",
            "Titlecase_Letter",
            "Lt",
            "Unassigned",
            "Cn",
            "Uppercase_Letter",
            "Lu"
        };
        for (int i = 0; i < pairs.length; i += 2) {
            CATEGORIES.put(pairs[i], pairs[i + 1]);
            CATEGORIES.put(pairs[i + 1], pairs[i + 1]);
        }
    }

    /** Binary properties Java 17 knows, with their Java spelling; the rest of ECMA-262's list is refused. */
    private static final Map<String, String> BINARY = Map.ofEntries(
            Map.entry("Alphabetic", "\\p{IsAlphabetic}"),
            Map.entry("Alpha", "\\p{IsAlphabetic}"),
            Map.entry("White_Space", "\\p{IsWhite_Space}"),
            Map.entry("space", "\\p{IsWhite_Space}"),
            Map.entry("Uppercase", "\\p{IsUppercase}"),
            Map.entry("Upper", "\\p{IsUppercase}"),
            Map.entry("Lowercase", "\\p{IsLowercase}"),
            Map.entry("Lower", "\\p{IsLowercase}"),
            Map.entry("Ideographic", "\\p{IsIdeographic}"),
            Map.entry("Ideo", "\\p{IsIdeographic}"),
            Map.entry("Hex_Digit", "\\p{IsHex_Digit}"),
            Map.entry("Hex", "\\p{IsHex_Digit}"),
            Map.entry("ASCII_Hex_Digit", "[0-9A-Fa-f]"),
            Map.entry("AHex", "[0-9A-Fa-f]"),
            Map.entry("Join_Control", "\\p{IsJoin_Control}"),
            Map.entry("Join_C", "\\p{IsJoin_Control}"),
            Map.entry("Noncharacter_Code_Point", "\\p{IsNoncharacter_Code_Point}"),
            Map.entry("NChar", "\\p{IsNoncharacter_Code_Point}"),
            Map.entry("Assigned", "\\P{Cn}"),
            Map.entry("ASCII", "[\\x{0}-\\x{7F}]"),
            Map.entry("Any", "[\\x{0}-\\x{10FFFF}]"));

    /** Thrown for a pattern that is not valid JavaScript, or that this runtime cannot run; the message says which. */
    static final class PatternSyntaxError extends Exception {
        PatternSyntaxError(String message) {
            super(message);
        }
    }

    static JsPattern translate(String source, String flags) throws PatternSyntaxError {
        for (int i = 0; i < flags.length(); i++) {
            char f = flags.charAt(i);
            if ("dgimsuy".indexOf(f) < 0 || flags.indexOf(f) != i) {
                if (f == 'v') {
                    throw new PatternSyntaxError("Invalid flags supplied to RegExp constructor '" + flags
                            + "': the v flag (unicodeSets) is not supported by this runtime");
                }
                throw new PatternSyntaxError("Invalid flags supplied to RegExp constructor '" + flags + "'");
            }
        }
        Translation t = new Translation(source, flags);
        try {
            t.scanGroups();
            t.disjunction();
            if (t.pos < source.length()) {
                throw t.error(source.charAt(t.pos) == ')' ? "Unmatched ')'" : "Unexpected character");
            }
        } catch (IndexOutOfBoundsException truncated) {
            throw t.error("Unterminated pattern");
        }
        int javaFlags = flags.indexOf('i') >= 0 ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        String java = t.out.toString();
        try {
            Pattern.compile(java, javaFlags);
        } catch (PatternSyntaxException | StackOverflowError unsupported) {
            String why = unsupported instanceof PatternSyntaxException p ? p.getDescription() : "nested too deeply";
            throw t.error("not supported by this runtime (" + why + ")");
        }
        return new JsPattern(java, javaFlags, Collections.unmodifiableList(new ArrayList<>(t.names)));
    }

    /** Single use: walks the JavaScript pattern once and writes the Java one. */
    private static final class Translation {
        final String src;
        final String flags;
        final boolean unicode;
        final boolean dotAll;
        final boolean multiline;
        final StringBuilder out = new StringBuilder();
        /** Index 0 is the whole match; then each capturing group's name, or null. */
        final List<String> names = new ArrayList<>();

        int pos;
        int groupsSeen;
        /** Numbers of the capturing groups open at pos. */
        final java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();

        Translation(String src, String flags) {
            this.src = src;
            this.flags = flags;
            this.unicode = flags.indexOf('u') >= 0;
            this.dotAll = flags.indexOf('s') >= 0;
            this.multiline = flags.indexOf('m') >= 0;
            names.add(null);
        }

        PatternSyntaxError error(String why) {
            return new PatternSyntaxError("Invalid regular expression: /" + src + "/" + flags + ": " + why);
        }

        /** Counts capturing groups and collects names first: backreferences may point forward. */
        void scanGroups() throws PatternSyntaxError {
            boolean inClass = false;
            for (int i = 0; i < src.length(); i++) {
                char c = src.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    if (i + 1 < src.length() && src.charAt(i + 1) == '?') {
                        if (src.startsWith("?<", i + 1)
                                && !src.startsWith("?<=", i + 1)
                                && !src.startsWith("?<!", i + 1)) {
                            int close = src.indexOf('>', i);
                            if (close < 0) throw error("Invalid capture group name");
                            String name = src.substring(i + 3, close);
                            if (!validName(name)) throw error("Invalid capture group name");
                            if (names.contains(name)) throw error("Duplicate capture group name");
                            names.add(name);
                        }
                    } else {
                        names.add(null);
                    }
                }
            }
        }

        static boolean validName(String name) {
            if (name.isEmpty()) return false;
            for (int i = 0; i < name.length(); ) {
                int cp = name.codePointAt(i);
                boolean ok = i == 0
                        ? Character.isUnicodeIdentifierStart(cp) || cp == '$' || cp == '_'
                        : Character.isUnicodeIdentifierPart(cp) || cp == '$' || cp == 0x200C || cp == 0x200D;
                if (!ok) return false;
                i += Character.charCount(cp);
            }
            return true;
        }

        boolean hasNames() {
            return names.stream().anyMatch(n -> n != null);
        }

        char peek() {
            return src.charAt(pos);
        }

        boolean more() {
            return pos < src.length();
        }

        void disjunction() throws PatternSyntaxError {
            alternative();
            while (more() && peek() == '|') {
                pos++;
                out.append('|');
                alternative();
            }
        }

        void alternative() throws PatternSyntaxError {
            while (more() && peek() != '|' && peek() != ')') {
                term();
            }
        }

        void term() throws PatternSyntaxError {
            char c = peek();
            boolean quantifiable = true;
            switch (c) {
                case '^' -> {
                    pos++;
                    out.append(multiline ? "(?:\\A|(?<=[" + LINE_TERMINATORS + "]))" : "\\A");
                    quantifiable = false;
                }
                case '$' -> {
                    pos++;
                    out.append(multiline ? "(?=[" + LINE_TERMINATORS + "]|\\z)" : "\\z");
                    quantifiable = false;
                }
                case '.' -> {
                    pos++;
                    out.append(dotAll ? "[\\x{0}-\\x{10FFFF}]" : "[^" + LINE_TERMINATORS + "]");
                }
                case '(' -> quantifiable = group();
                case '[' -> characterClass();
                case '\\' -> quantifiable = atomEscape();
                case '*', '+', '?' -> throw error("Nothing to repeat");
                case '{' -> {
                    if (quantifierLength() > 0 || unicode)
                        throw error(unicode ? "Lone quantifier brackets" : "Nothing to repeat");
                    pos++;
                    out.append("\\{");
                }
                case '}', ']' -> {
                    if (unicode) throw error("Lone quantifier brackets");
                    pos++;
                    out.append(c == '}' ? "\\}" : "\\]");
                }
                default -> literal(nextCodePoint());
            }
            quantifier(quantifiable);
        }

        /** Length of a {n}, {n,} or {n,m} quantifier at pos, or 0 if there is none. */
        int quantifierLength() {
            int i = pos + 1, start = i;
            while (i < src.length() && Character.isDigit(src.charAt(i)) && src.charAt(i) < 128) i++;
            if (i == start) return 0;
            if (i < src.length() && src.charAt(i) == ',') {
                i++;
                while (i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '9') i++;
            }
            return i < src.length() && src.charAt(i) == '}' ? i + 1 - pos : 0;
        }

        void quantifier(boolean quantifiable) throws PatternSyntaxError {
            if (!more()) return;
            char c = peek();
            int length = c == '{' ? quantifierLength() : (c == '*' || c == '+' || c == '?') ? 1 : 0;
            if (length == 0) return;
            if (!quantifiable) throw error("Nothing to repeat");
            String q = src.substring(pos, pos + length);
            if (c == '{') {
                String[] bounds = q.substring(1, q.length() - 1).split(",", -1);
                if (bounds.length == 2
                        && !bounds[1].isEmpty()
                        && new java.math.BigInteger(bounds[0]).compareTo(new java.math.BigInteger(bounds[1])) > 0) {
                    throw error("numbers out of order in {} quantifier");
                }
                q = "{" + clamp(bounds[0])
                        + (bounds.length == 2 ? "," + (bounds[1].isEmpty() ? "" : clamp(bounds[1])) : "") + "}";
            }
            pos += length;
            out.append(q);
            if (more() && peek() == '?') {
                pos++;
                out.append('?');
            }
            if (more()
                    && (peek() == '*' || peek() == '+' || peek() == '?' || (peek() == '{' && quantifierLength() > 0))) {
                throw error("Nothing to repeat");
            }
        }

        /** Java's repetition bounds are ints; a bigger bound is as good as unbounded for any string. */
        static String clamp(String digits) {
            return digits.length() > 9 ? "2147483647" : String.valueOf(Integer.parseInt(digits));
        }

        boolean group() throws PatternSyntaxError {
            pos++;
            boolean quantifiable = true, capturing = false;
            if (src.startsWith("?:", pos)) {
                pos += 2;
                out.append("(?:");
            } else if (src.startsWith("?=", pos) || src.startsWith("?!", pos)) {
                out.append("(").append(src, pos, pos + 2);
                pos += 2;
                quantifiable = !unicode;
            } else if (src.startsWith("?<=", pos) || src.startsWith("?<!", pos)) {
                out.append("(").append(src, pos, pos + 3);
                pos += 3;
                quantifiable = false;
            } else if (src.startsWith("?<", pos)) {
                pos = src.indexOf('>', pos) + 1;
                capturing = true;
            } else if (more() && peek() == '?') {
                throw error("Invalid group (RegExp modifiers such as (?i:…) are not supported by this runtime)");
            } else {
                capturing = true;
            }
            if (capturing) {
                open.push(++groupsSeen);
                out.append('(');
            }
            disjunction();
            if (!more() || peek() != ')') throw error("Unterminated group");
            pos++;
            out.append(')');
            if (capturing) {
                open.pop();
            }
            return quantifiable;
        }

        int nextCodePoint() {
            int cp = unicode ? src.codePointAt(pos) : src.charAt(pos);
            pos += Character.charCount(cp);
            return cp;
        }

        void literal(int cp) {
            // A surrogate pair written out in a non-unicode pattern: Java matches code points, so keep the pair whole.
            if (!unicode && Character.isHighSurrogate((char) cp) && more() && Character.isLowSurrogate(peek())) {
                cp = Character.toCodePoint((char) cp, src.charAt(pos++));
            }
            out.append(quote(cp));
        }

        static String quote(int cp) {
            return (cp < 128 && Character.isLetterOrDigit(cp))
                    ? String.valueOf((char) cp)
                    : "\\x{" + Integer.toHexString(cp) + "}";
        }

        /** An escape outside a class; answers whether a quantifier may follow. */
        boolean atomEscape() throws PatternSyntaxError {
            pos++;
            if (!more()) throw error("\\ at end of pattern");
            char c = peek();
            switch (c) {
                case 'b' -> {
                    pos++;
                    out.append("(?:(?<=[" + WORD + "])(?![" + WORD + "])|(?<![" + WORD + "])(?=[" + WORD + "]))");
                    return false;
                }
                case 'B' -> {
                    pos++;
                    out.append("(?:(?<=[" + WORD + "])(?=[" + WORD + "])|(?<![" + WORD + "])(?![" + WORD + "]))");
                    return false;
                }
                case 'k' -> {
                    if (unicode || hasNames()) {
                        int close = src.indexOf('>', pos);
                        if (!src.startsWith("k<", pos) || close < 0) throw error("Invalid named reference");
                        String name = src.substring(pos + 2, close);
                        int index = names.indexOf(name);
                        if (index < 1) throw error("Invalid named capture referenced");
                        pos = close + 1;
                        backreference(index);
                        return true;
                    }
                }
                default -> {
                    if (c >= '1' && c <= '9') {
                        int start = pos;
                        while (more() && peek() >= '0' && peek() <= '9') pos++;
                        String digits = src.substring(start, pos);
                        if (digits.length() < 10 && Integer.parseInt(digits) < names.size()) {
                            backreference(Integer.parseInt(digits));
                            return true;
                        }
                        if (unicode) throw error("Invalid escape");
                        pos = start;
                    }
                }
            }
            String set = classEscape(false);
            if (set != null) {
                out.append(set.startsWith("\\p") || set.startsWith("\\P") ? set : "[" + set + "]");
                return true;
            }
            literal(characterEscape());
            return true;
        }

        /**
         * A reference to a group that has not closed yet (it comes later, or encloses the reference) matches the empty
         * string in JavaScript: a quantifier around both resets the group on every repetition. Java fails it instead.
         */
        void backreference(int group) {
            if (group > groupsSeen || open.contains(group)) {
                out.append("(?:)");
            } else {
                out.append("(?:\\").append(group).append(')');
            }
        }

        /**
         * A class escape at pos (after the backslash), as the inside of a Java class ({@code \d} is {@code 0-9}, the
         * negated ones are nested classes), or null when the escape is a character.
         */
        String classEscape(boolean inClass) throws PatternSyntaxError {
            char c = peek();
            String set =
                    switch (c) {
                        case 'd' -> DIGITS;
                        case 'D' -> "[^" + DIGITS + "]";
                        case 'w' -> WORD;
                        case 'W' -> "[^" + WORD + "]";
                        case 's' -> SPACES;
                        case 'S' -> "[^" + SPACES + "]";
                        default -> null;
                    };
            if (set != null) {
                pos++;
                return set;
            }
            if ((c == 'p' || c == 'P') && unicode) {
                pos++;
                return property(c == 'P');
            }
            return null;
        }

        String property(boolean negated) throws PatternSyntaxError {
            int close = src.indexOf('}', pos);
            if (!more() || peek() != '{' || close < 0) throw error("Invalid property name");
            String body = src.substring(pos + 1, close);
            pos = close + 1;
            String java;
            int eq = body.indexOf('=');
            if (eq >= 0) {
                String name = body.substring(0, eq), value = body.substring(eq + 1);
                if ((name.equals("General_Category") || name.equals("gc")) && CATEGORIES.containsKey(value)) {
                    java = "\\p{" + CATEGORIES.get(value) + "}";
                } else if (name.equals("Script") || name.equals("sc")) {
                    try {
                        Character.UnicodeScript.forName(value);
                    } catch (IllegalArgumentException unknown) {
                        throw error("Invalid property name");
                    }
                    java = "\\p{sc=" + value + "}";
                } else if (name.equals("Script_Extensions") || name.equals("scx")) {
                    throw error("the Unicode property \\p{" + body
                            + "} (Script_Extensions) is not supported by this runtime");
                } else {
                    throw error("Invalid property name");
                }
            } else if (CATEGORIES.containsKey(body)) {
                java = "\\p{" + CATEGORIES.get(body) + "}";
            } else if (BINARY.containsKey(body)) {
                java = BINARY.get(body);
            } else if (body.matches("[A-Za-z_]+")) {
                throw error("the Unicode property \\p{" + body + "} is not supported by this runtime (Java 17)");
            } else {
                throw error("Invalid property name");
            }
            return negated ? "[^" + java + "]" : java;
        }

        /** A character escape at pos (after the backslash); answers the code point it stands for. */
        int characterEscape() throws PatternSyntaxError {
            char c = src.charAt(pos++);
            switch (c) {
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'v':
                    return 0x0B;
                case 'f':
                    return '\f';
                case 'r':
                    return '\r';
                case 'c':
                    if (more() && ((peek() | 0x20) >= 'a' && (peek() | 0x20) <= 'z')) return src.charAt(pos++) % 32;
                    if (unicode) throw error("Invalid unicode escape");
                    pos--;
                    return '\\';
                case '0':
                    if (!more() || peek() < '0' || peek() > '9') return 0;
                    if (unicode) throw error("Invalid decimal escape");
                    return octal(c);
                case 'x': {
                    int value = hex(2);
                    if (value >= 0) return value;
                    if (unicode) throw error("Invalid escape");
                    return 'x';
                }
                case 'u': {
                    if (unicode && more() && peek() == '{') {
                        int close = src.indexOf('}', pos);
                        String digits = close < 0 ? "" : src.substring(pos + 1, close);
                        if (!digits.matches("[0-9A-Fa-f]+")
                                || digits.length() > 8
                                || Long.parseLong(digits, 16) > 0x10FFFF) {
                            throw error("Invalid Unicode escape");
                        }
                        pos = close + 1;
                        return Integer.parseInt(digits, 16);
                    }
                    int value = hex(4);
                    if (value < 0) {
                        if (unicode) throw error("Invalid Unicode escape");
                        return 'u';
                    }
                    if (unicode && Character.isHighSurrogate((char) value) && src.startsWith("\\u", pos)) {
                        int save = pos;
                        pos += 2;
                        int low = hex(4);
                        if (low >= 0 && Character.isLowSurrogate((char) low)) {
                            return Character.toCodePoint((char) value, (char) low);
                        }
                        pos = save;
                    }
                    return value;
                }
                default:
                    if (c >= '1' && c <= '9') {
                        if (c >= '8') return c;
                        return octal(c);
                    }
                    if ("^$\\.*+?()[]{}|/".indexOf(c) >= 0) return c;
                    if (unicode) throw error("Invalid escape");
                    if (Character.isHighSurrogate(c) && more() && Character.isLowSurrogate(peek())) {
                        return Character.toCodePoint(c, src.charAt(pos++));
                    }
                    return c;
            }
        }

        /** Annex B legacy octal: the digit at pos-1 and up to two more, at most \377. */
        int octal(char first) {
            int value = first - '0';
            for (int n = 0; n < 2 && more() && peek() >= '0' && peek() <= '7'; n++) {
                int next = value * 8 + (peek() - '0');
                if (next > 0377) break;
                value = next;
                pos++;
            }
            return value;
        }

        int hex(int digits) {
            if (pos + digits > src.length()) return -1;
            String text = src.substring(pos, pos + digits);
            if (!text.matches("[0-9A-Fa-f]+")) return -1;
            pos += digits;
            return Integer.parseInt(text, 16);
        }

        void characterClass() throws PatternSyntaxError {
            pos++;
            boolean negated = more() && peek() == '^';
            if (negated) pos++;
            StringBuilder body = new StringBuilder();
            while (true) {
                if (!more()) throw error("Unterminated character class");
                if (peek() == ']') break;
                int[] low = new int[1];
                String lowSet = classAtom(low);
                if (more() && peek() == '-' && pos + 1 < src.length() && src.charAt(pos + 1) != ']') {
                    pos++;
                    int[] high = new int[1];
                    String highSet = classAtom(high);
                    if (lowSet != null || highSet != null) {
                        if (unicode) throw error("Invalid character class");
                        body.append(lowSet != null ? lowSet : quote(low[0]))
                                .append("\\x{2d}")
                                .append(highSet != null ? highSet : quote(high[0]));
                    } else {
                        if (low[0] > high[0]) throw error("Range out of order in character class");
                        body.append(quote(low[0])).append('-').append(quote(high[0]));
                    }
                } else {
                    body.append(lowSet != null ? lowSet : quote(low[0]));
                }
            }
            pos++;
            if (body.length() == 0) {
                out.append(negated ? "[\\x{0}-\\x{10FFFF}]" : "(?!)");
            } else {
                out.append(negated ? "[^" : "[").append(body).append(']');
            }
        }

        /** One class atom: a set (as the inside of a Java class) or, with null, a character put in {@code cp[0]}. */
        String classAtom(int[] cp) throws PatternSyntaxError {
            if (peek() != '\\') {
                int c = nextCodePoint();
                if (!unicode && Character.isHighSurrogate((char) c) && more() && Character.isLowSurrogate(peek())) {
                    c = Character.toCodePoint((char) c, src.charAt(pos++));
                }
                cp[0] = c;
                return null;
            }
            pos++;
            if (!more()) throw error("\\ at end of pattern");
            String set = classEscape(true);
            if (set != null) {
                return set.startsWith("[") || set.startsWith("\\p") || set.startsWith("\\P") ? set : "[" + set + "]";
            }
            char c = peek();
            if (c == 'b') {
                pos++;
                cp[0] = '\b';
            } else if (c == '-' && unicode) {
                pos++;
                cp[0] = '-';
            } else if (c >= '1' && c <= '9' && unicode) {
                throw error("Invalid class escape");
            } else if (!unicode && (c == 'k' || c == 'B' || c == 'p' || c == 'P')) {
                pos++;
                cp[0] = c;
            } else if (unicode && c == 'B') {
                throw error("Invalid class escape");
            } else {
                cp[0] = characterEscape();
            }
            return null;
        }
    }
}
