/**
 * Import resolution. A val imports another by URL ({@code https://esm.town/v/{user}/{val}} or
 * {@code {site}/v/{user}/{val}}, optionally pinned with {@code ?v=N}). The server resolves the whole graph for every
 * run, with the privacy rules of SPEC §3 judged against the author of the val being run: a private val is
 * importable only into its own author's vals. npm packages ({@code npm:}, {@code https://esm.sh/}) follow the lock their
 * version was saved with ({@link dev.valbox.packages}); {@code node:} built-ins and {@code std:} modules are the
 * worker's own. Anything else fails the run with a message naming the import.
 */
package dev.valbox.modules;
