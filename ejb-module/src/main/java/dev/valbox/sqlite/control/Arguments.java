package dev.valbox.sqlite.control;

import dev.valbox.sqlite.entity.SqliteException;
import dev.valbox.sqlite.entity.SqliteStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Binds a statement's arguments. Positional arguments must match the statement's parameters one for one. Named ones
 * are looked up as libSQL does: {@code :name} takes the argument {@code ":name"}, else {@code "name"}; arguments the
 * statement does not use are ignored.
 */
final class Arguments {

    private Arguments() {}

    static void bind(PreparedStatement prepared, SqliteStatement statement, List<String> names, String field)
            throws SQLException {
        int count = prepared.getParameterMetaData().getParameterCount();
        if (!statement.named()) {
            var args = statement.args();
            if (args.size() != count) {
                throw SqliteException.invalid(
                        field,
                        "SQLITE_RANGE",
                        "the statement has " + count + " parameter" + (count == 1 ? "" : "s") + " but " + args.size()
                                + " argument" + (args.size() == 1 ? " was" : "s were") + " given");
            }
            for (int i = 0; i < count; i++) {
                set(prepared, i + 1, args.get(i));
            }
            return;
        }
        if (names.size() != count) {
            // SQLite counts the parameters differently from SqlText: never guess which value goes where.
            throw SqliteException.invalid(
                    field, "SQLITE_RANGE", "the parameters of this statement cannot be named; pass args as an array");
        }
        var args = statement.namedArgs();
        for (int i = 0; i < count; i++) {
            var name = names.get(i);
            if (name == null || name.startsWith("?")) {
                throw SqliteException.invalid(
                        field,
                        "SQLITE_RANGE",
                        "parameter " + (i + 1) + " is positional (?); pass args as an array, or name it (:name)");
            }
            String key = args.containsKey(name) ? name : name.substring(1);
            if (!args.containsKey(key)) {
                throw SqliteException.invalid(field, "SQLITE_RANGE", "no argument for the parameter " + name);
            }
            set(prepared, i + 1, args.get(key));
        }
    }

    private static void set(PreparedStatement prepared, int index, Object value) throws SQLException {
        if (value == null) {
            prepared.setNull(index, Types.NULL);
        } else if (value instanceof Long l) {
            prepared.setLong(index, l);
        } else if (value instanceof Double d) {
            prepared.setDouble(index, d);
        } else if (value instanceof String s) {
            prepared.setString(index, s);
        } else if (value instanceof byte[] bytes) {
            prepared.setBytes(index, bytes);
        } else {
            throw new IllegalArgumentException("not an SQLite value: " + value.getClass());
        }
    }
}
