/**
 * API tokens and scopes. A token is {@code vbx_} plus 30 base62 characters whose last six are a checksum of the
 * first 24, so a malformed or mistyped token is refused without touching the database. Only the SHA-256 of a token
 * is stored; the raw value is shown once, when it is created. Every request acts as a {@link
 * dev.valbox.tokens.control.Caller} holding the scopes it was granted; write never implies read.
 */
package dev.valbox.tokens;
