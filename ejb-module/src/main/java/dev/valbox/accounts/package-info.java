/**
 * Users, their passwords and their browser sessions, and who a request acts for. Usernames are lowercase and unique;
 * passwords are stored only as PBKDF2 hashes (Jakarta Security); a session is a random cookie value of which only the
 * SHA-256 is stored, so a database leak does not leak live sessions. Every request acts as a {@link
 * dev.valbox.accounts.control.Caller}: a user (or nobody) with the {@link dev.valbox.accounts.entity.Scope scopes} it
 * was granted; write never implies read. Every other capability stands on this one, so it knows none of them: a new
 * user's first API token comes through {@link dev.valbox.accounts.control.FirstToken}, which tokens implement.
 */
package dev.valbox.accounts;
