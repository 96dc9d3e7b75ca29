/**
 * API tokens and val tokens, and the filter that turns them (or a session) into the request's caller. An API token is {@code vbx_} plus 30 base62 characters whose last six are a
 * checksum of the first 24, so a malformed or mistyped token is refused without touching the database; only its
 * SHA-256 is stored and the raw value is shown once. A val token is a short-lived JWT that only the server signs,
 * given to each run of a val as {@code valtown} and verified by MicroProfile JWT; it never holds more scopes than its
 * val was given. A token reported as leaked by GitHub secret scanning (a signed report) is revoked at once; revoked
 * API tokens are kept as tombstones. Tokens stand on accounts: the caller and its scopes are accounts' types.
 */
package dev.valbox.tokens;
