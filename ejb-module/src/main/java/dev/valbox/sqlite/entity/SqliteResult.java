package dev.valbox.sqlite.entity;

import java.util.List;

/**
 * What one statement answered, as libSQL's {@code ResultSet}: column names, declared column types ({@code ""} for
 * expressions), rows of values (null, {@link Long}, {@link Double}, {@link String} or {@code byte[]}), the rows the
 * statement changed, and the rowid of the last insert when it changed any (else null).
 */
public record SqliteResult(
        List<String> columns,
        List<String> columnTypes,
        List<List<Object>> rows,
        long rowsAffected,
        Long lastInsertRowid) {}
