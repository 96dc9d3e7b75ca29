/**
 * One SQLite database per user, reached over the REST API ({@code /v1/sqlite/execute}, {@code /v1/sqlite/batch}) and
 * from vals ({@code std/sqlite}) through the same control bean and the same scope check. Statements are hostile input:
 * a database cannot attach files, load extensions or change process-wide settings, and every statement runs under a
 * time limit and the user's size quota. Whether a statement writes is decided by SQLite itself: a caller without
 * {@code sqlite:write} runs on a connection that SQLite keeps read-only. Results have libSQL's {@code ResultSet} shape
 * and errors carry libSQL's codes.
 */
package dev.valbox.sqlite;
