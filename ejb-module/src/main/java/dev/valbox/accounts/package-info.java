/**
 * Users, their passwords and their browser sessions. Usernames are lowercase and unique; passwords are stored only as
 * PBKDF2 hashes (Jakarta Security); a session is a random cookie value of which only the SHA-256 is stored, so a
 * database leak does not leak live sessions.
 */
package dev.valbox.accounts;
