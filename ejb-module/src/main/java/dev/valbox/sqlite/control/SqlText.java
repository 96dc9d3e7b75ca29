package dev.valbox.sqlite.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the first statement of a text ends and what its parameters are called: the two things SQLite knows but
 * sqlite-jdbc does not expose ({@code pzTail} and {@code sqlite3_bind_parameter_name}). The tokens follow SQLite's
 * tokenizer ({@code tokenize.c}) and the statement boundary follows {@code sqlite3_complete} ({@code complete.c}),
 * which knows that a semicolon inside {@code CREATE TRIGGER ... BEGIN ... END} does not end the statement. It decides
 * nothing about what a statement may do.
 */
final class SqlText {

    /**
     * The first statement of a text: its source, whether more statements follow it, and its parameter names by index
     * ({@code names.get(i - 1)}; null for {@code ?}), numbered as SQLite numbers them.
     */
    record First(String statement, boolean more, List<String> names) {}

    private enum Kind {
        SPACE,
        SEMI,
        WORD,
        VARIABLE,
        OTHER
    }

    // sqlite3_complete's tokens and its transition table, row by state, column by token.
    private static final int SEMI = 0, WS = 1, OTHER = 2, EXPLAIN = 3, CREATE = 4, TEMP = 5, TRIGGER = 6, END = 7;
    private static final int START = 1;
    private static final int[][] TRANSITIONS = {
        /* 0 INVALID */ {1, 0, 2, 3, 4, 2, 2, 2},
        /* 1 START   */ {1, 1, 2, 3, 4, 2, 2, 2},
        /* 2 NORMAL  */ {1, 2, 2, 2, 2, 2, 2, 2},
        /* 3 EXPLAIN */ {1, 3, 3, 2, 4, 2, 2, 2},
        /* 4 CREATE  */ {1, 4, 2, 2, 2, 4, 5, 2},
        /* 5 TRIGGER */ {6, 5, 5, 5, 5, 5, 5, 5},
        /* 6 SEMI    */ {6, 6, 5, 5, 5, 5, 5, 7},
        /* 7 END     */ {1, 7, 5, 5, 5, 5, 5, 5},
    };

    private final String sql;
    private int at;

    private SqlText(String sql) {
        this.sql = sql;
    }

    /** The first statement of {@code sql}; empty when it holds none (only spaces, comments and semicolons). */
    static Optional<First> first(String sql) {
        return new SqlText(sql).split();
    }

    private Optional<First> split() {
        int state = 0;
        int start = -1;
        int end = -1;
        var numbering = new Numbering();
        while (at < sql.length()) {
            int begin = at;
            var kind = next();
            if (end >= 0) {
                if (kind != Kind.SPACE && kind != Kind.SEMI) {
                    return Optional.of(new First(sql.substring(start, end), true, numbering.names));
                }
                continue;
            }
            if (start < 0 && kind != Kind.SPACE && kind != Kind.SEMI) {
                start = begin;
            }
            if (kind == Kind.VARIABLE) {
                numbering.add(sql.substring(begin, at));
            }
            state = TRANSITIONS[state][token(kind, begin)];
            if (kind == Kind.SEMI && state == START && start >= 0) {
                end = at;
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        return Optional.of(new First(sql.substring(start, end < 0 ? sql.length() : end), false, numbering.names));
    }

    private int token(Kind kind, int begin) {
        return switch (kind) {
            case SPACE -> WS;
            case SEMI -> SEMI;
            case WORD -> switch (sql.substring(begin, at).toLowerCase(Locale.ROOT)) {
                case "create" -> CREATE;
                case "temp", "temporary" -> TEMP;
                case "trigger" -> TRIGGER;
                case "end" -> END;
                case "explain" -> EXPLAIN;
                default -> OTHER;
            };
            default -> OTHER;
        };
    }

    /** Reads one token from {@link #at} and answers its kind, as SQLite's tokenizer would split the text. */
    private Kind next() {
        char c = sql.charAt(at);
        if (space(c)) {
            while (at < sql.length() && space(sql.charAt(at))) {
                at++;
            }
            return Kind.SPACE;
        }
        if (c == '-' && peek(1) == '-') {
            int newline = sql.indexOf('\n', at);
            at = newline < 0 ? sql.length() : newline + 1;
            return Kind.SPACE;
        }
        if (c == '/' && peek(1) == '*') {
            int close = sql.indexOf("*/", at + 2);
            at = close < 0 ? sql.length() : close + 2;
            return Kind.SPACE;
        }
        if (c == ';') {
            at++;
            return Kind.SEMI;
        }
        if (c == '\'' || c == '"' || c == '`') {
            at++;
            while (at < sql.length()) {
                if (sql.charAt(at++) == c) {
                    if (at < sql.length() && sql.charAt(at) == c) {
                        at++;
                    } else {
                        break;
                    }
                }
            }
            return Kind.OTHER;
        }
        if (c == '[') {
            int close = sql.indexOf(']', at);
            at = close < 0 ? sql.length() : close + 1;
            return Kind.OTHER;
        }
        if (c == '?') {
            at++;
            while (at < sql.length() && sql.charAt(at) >= '0' && sql.charAt(at) <= '9') {
                at++;
            }
            return Kind.VARIABLE;
        }
        if (c == '$' || c == '@' || c == ':' || c == '#') {
            return variable();
        }
        if (idChar(c)) {
            while (at < sql.length() && idChar(sql.charAt(at))) {
                at++;
            }
            return Kind.WORD;
        }
        at++;
        return Kind.OTHER;
    }

    /** {@code :name}, {@code @name}, {@code $name} (with Tcl's {@code ::} and {@code (...)} suffixes), {@code #name}. */
    private Kind variable() {
        int n = 0;
        int i = at + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (idChar(c)) {
                n++;
                i++;
            } else if (c == '(' && n > 0) {
                i++;
                while (i < sql.length() && !space(sql.charAt(i)) && sql.charAt(i) != ')') {
                    i++;
                }
                if (i < sql.length() && sql.charAt(i) == ')') {
                    i++;
                } else {
                    n = 0;
                }
                break;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                i += 2;
            } else {
                break;
            }
        }
        at = i;
        return n == 0 ? Kind.OTHER : Kind.VARIABLE;
    }

    private char peek(int ahead) {
        return at + ahead < sql.length() ? sql.charAt(at + ahead) : 0;
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0b;
    }

    private static boolean idChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c >= 0x80;
    }

    /** SQLite's parameter numbering ({@code sqlite3ExprAssignVarNumber}). */
    private static final class Numbering {

        private final List<String> names = new ArrayList<>();
        private final HashMap<String, Integer> byName = new HashMap<>();

        void add(String token) {
            if (token.equals("?")) {
                names.add(null);
            } else if (token.charAt(0) == '?') {
                int index;
                try {
                    index = Integer.parseInt(token.substring(1));
                } catch (NumberFormatException e) {
                    return; // SQLite refuses it when it prepares the statement
                }
                if (index < 1 || index > 250_000) {
                    return;
                }
                while (names.size() < index) {
                    names.add(null);
                }
                if (names.get(index - 1) == null) {
                    names.set(index - 1, token);
                }
            } else if (!byName.containsKey(token)) {
                names.add(token);
                byName.put(token, names.size());
            }
        }
    }
}
