/**
 * Where Valbox keeps its data: one JTA data source, {@code java:app/jdbc/valbox}, defined by the application itself so
 * the same archive runs on Payara Micro, Payara Server and in tests. The embedded H2 file database under the data
 * directory is the default; setting {@code valbox.db.url} (env {@code VALBOX_DB_URL}) to a PostgreSQL URL switches to
 * PostgreSQL. The schema is created and extended on start.
 */
package dev.valbox.database;
