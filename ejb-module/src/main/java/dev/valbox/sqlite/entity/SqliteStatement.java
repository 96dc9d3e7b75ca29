package dev.valbox.sqlite.entity;

import java.util.List;
import java.util.Map;

/**
 * One statement with its arguments: positional ({@code ?}, {@code ?NNN}) or named ({@code :name}, {@code @name},
 * {@code $name}), never both. Argument values are null, {@link Long}, {@link Double}, {@link String} or
 * {@code byte[]}.
 */
public record SqliteStatement(String sql, List<Object> args, Map<String, Object> namedArgs) {

    public SqliteStatement {
        if ((args == null) == (namedArgs == null)) {
            throw new IllegalArgumentException("a statement has positional or named arguments");
        }
    }

    public static SqliteStatement of(String sql, Object... args) {
        return new SqliteStatement(sql, java.util.Arrays.asList(args), null);
    }

    public static SqliteStatement named(String sql, Map<String, Object> args) {
        return new SqliteStatement(sql, null, args);
    }

    public boolean named() {
        return namedArgs != null;
    }
}
