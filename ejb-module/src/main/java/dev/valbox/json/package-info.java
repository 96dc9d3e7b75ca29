/**
 * JSON-P as the whole application uses it: one cached provider instead of the per-call provider lookup of
 * {@code jakarta.json.Json}'s static factories. Code builds and reads JSON through {@code Jsonp.JSON}.
 */
package dev.valbox.json;
