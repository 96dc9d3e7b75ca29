/**
 * Env vars: a user's named secrets, handed to every run of that user's vals as {@code Deno.env} and {@code
 * process.env}. Values are sealed with AES-GCM under the server's secrets key before they reach the database, bound
 * to their user and key so a sealed value cannot be moved to another; the API lists keys and times, never values.
 * A run gets the env of the author of the val being run, and code it imports sees that same env.
 */
package dev.valbox.env;
