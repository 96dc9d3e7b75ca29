// std:sqlite, what `import { sqlite } from "https://esm.town/v/std/sqlite"` gives a val: Val Town's sqlite.execute and
// sqlite.batch on the author's own database. Each call is one host call ("sqlite.execute" / "sqlite.batch") with the
// REST API's body; the server checks the val token's scopes exactly as the API does. Results have libSQL's ResultSet
// shape: rows are arrays whose values can also be read by column name, blobs are ArrayBuffers. SQLite errors reject
// with a LibsqlError whose `code` is SQLite's (SQLITE_CONSTRAINT, ...), its message starting with that code as libSQL's
// does; a missing scope rejects with the PermissionError the server names it in.
'use strict';

var CODE = /^([A-Z][A-Z0-9_]*): /;

function toBase64(bytes) {
    var binary = '';
    for (var i = 0; i < bytes.length; i += 8192) {
        binary += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(i + 8192, bytes.length)));
    }
    return btoa(binary);
}

function fromBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
}

function argument(value) {
    if (value === undefined) return null;
    if (value instanceof ArrayBuffer) return { base64: toBase64(new Uint8Array(value)) };
    if (value !== null && typeof value === 'object' && value.buffer instanceof ArrayBuffer) {
        return { base64: toBase64(new Uint8Array(value.buffer, value.byteOffset || 0, value.byteLength)) };
    }
    if (value instanceof Date) return value.getTime();
    return value;
}

function statement(value) {
    if (typeof value === 'string') return value;
    if (value === null || typeof value !== 'object' || typeof value.sql !== 'string') {
        throw new TypeError('A statement is an SQL string or an object { sql, args }');
    }
    var args = value.args;
    if (args === undefined || args === null) return { sql: value.sql };
    if (Array.isArray(args)) return { sql: value.sql, args: args.map(argument) };
    if (typeof args !== 'object') throw new TypeError('args must be an array (for ?) or an object (for :name)');
    var named = {};
    Object.keys(args).forEach(function (name) { named[name] = argument(args[name]); });
    return { sql: value.sql, args: named };
}

function resultSet(result) {
    var columns = result.columns;
    result.rows.forEach(function (row) {
        for (var i = 0; i < row.length; i++) {
            var value = row[i];
            if (value !== null && typeof value === 'object' && typeof value.base64 === 'string') row[i] = fromBase64(value.base64);
        }
        columns.forEach(function (name, i) {
            if (!(name in row)) Object.defineProperty(row, name, { value: row[i], writable: true, configurable: true });
        });
    });
    return {
        columns: columns,
        columnTypes: result.columnTypes,
        rows: result.rows,
        rowsAffected: result.rowsAffected,
        lastInsertRowid: result.lastInsertRowid
    };
}

function failure(e) {
    var match = e && e.name !== 'PermissionError' ? CODE.exec(String(e.message)) : null;
    if (!match) return Promise.reject(e);
    var error = new Error(String(e.message));
    Object.defineProperty(error, 'name', { value: 'LibsqlError', writable: true, configurable: true });
    error.code = match[1];
    return Promise.reject(error);
}

function execute(value) {
    var body;
    try {
        body = { statement: statement(value) };
    } catch (e) {
        return Promise.reject(e);
    }
    return host.call('sqlite.execute', body).then(resultSet, failure);
}

function batch(values, mode) {
    var body;
    try {
        if (!Array.isArray(values)) throw new TypeError('sqlite.batch takes an array of statements');
        body = { statements: values.map(statement) };
        if (mode !== undefined && mode !== null) body.mode = String(mode);
    } catch (e) {
        return Promise.reject(e);
    }
    return host.call('sqlite.batch', body).then(function (results) { return results.map(resultSet); }, failure);
}

exports.sqlite = Object.freeze({ execute: execute, batch: batch });
