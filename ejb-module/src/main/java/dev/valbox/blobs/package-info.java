/**
 * Blobs: each user's key-value store of bytes, reached over {@code /v1/blob} and from vals through std/blob. A key is
 * an opaque string of 1-512 characters (any but NUL, so {@code /} too) and names at most one blob per user. A blob's
 * bytes live in the database, split into fixed-size chunks so no request ever holds a whole blob in memory; writing a
 * key replaces its chunks in one transaction, so readers see the old or the new bytes, never a mix. Every use case
 * checks the caller's {@code blob:read} or {@code blob:write} scope, the per-blob limit and the per-user quota, in
 * {@link dev.valbox.blobs.control.Blobs} only: the REST API and the standard library go through the same methods.
 */
package dev.valbox.blobs;
