/**
 * The val worker: a plain Java process that compiles and runs untrusted val code in one locked-down Nashorn
 * engine and talks to the server over framed JSON on stdin/stdout (runner/PROTOCOL.md). Val code never
 * holds a Java object: only primitives, strings and {@code AbstractJSObject} host functions captured by the
 * prelude cross into JS. Every loop and function of compiled code calls {@code __chk()}, whose gate stops a
 * run at its wall, CPU, allocation or cancel limit and keeps stopping it. What cannot be stopped in-process
 * (regex backtracking, one giant allocation) is the server's job: it kills and replaces the worker.
 */
package dev.valbox.runner;
