package dev.valbox.sqlite.control;

import dev.valbox.problems.entity.ValboxException.Kind;
import dev.valbox.sqlite.entity.SqliteException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sqlite.core.CoreStatement;

/**
 * Executes a bound statement to its end and keeps what it answered: its columns as SQLite names them, their declared
 * types ({@code sqlite3_column_decltype}, which sqlite-jdbc reaches only through its statement handle; {@code ""} for
 * an expression, as libSQL answers) and every row, within {@link UserDatabase#MAX_RESULT_BYTES}.
 */
final class Rows {

    private final List<String> columns;
    private final List<String> columnTypes;
    private final List<List<Object>> values = new ArrayList<>();

    Rows(PreparedStatement prepared, String field) throws SQLException {
        var handle = ((CoreStatement) prepared).pointer;
        int count = handle.safeRunInt((db, stmt) -> db.column_count(stmt));
        var names = new String[count];
        var types = new String[count];
        for (int i = 0; i < count; i++) {
            int column = i;
            names[i] = handle.safeRun((db, stmt) -> db.column_name(stmt, column));
            var declared = handle.safeRun((db, stmt) -> db.column_decltype(stmt, column));
            types[i] = declared == null ? "" : declared;
        }
        columns = List.of(names);
        columnTypes = List.of(types);
        if (!prepared.execute() || count == 0) {
            return;
        }
        long bytes = 0;
        try (var rows = prepared.getResultSet()) {
            while (rows.next()) {
                var row = new Object[count];
                for (int i = 0; i < count; i++) {
                    var value = rows.getObject(i + 1);
                    row[i] = value instanceof Integer n ? Long.valueOf(n) : value;
                    bytes += size(row[i]);
                }
                if (bytes > UserDatabase.MAX_RESULT_BYTES) {
                    throw new SqliteException(
                            Kind.TOO_LARGE,
                            field,
                            "SQLITE_TOOBIG",
                            "the result is larger than " + (UserDatabase.MAX_RESULT_BYTES >> 20)
                                    + " MB; select fewer rows or columns (LIMIT and OFFSET page through them)");
                }
                values.add(Arrays.asList(row));
            }
        }
    }

    /** About what the value takes in JSON. */
    private static long size(Object value) {
        if (value instanceof String s) {
            return s.length() + 3L;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length * 4L / 3 + 24;
        }
        return 24;
    }

    List<String> columns() {
        return columns;
    }

    List<String> columnTypes() {
        return columnTypes;
    }

    List<List<Object>> values() {
        return values;
    }
}
