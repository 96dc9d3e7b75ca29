package dev.valbox.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json}'s static factories look the provider up
 * through the ServiceLoader on every call, which scans the class path each time: on the run path that was a
 * seventh of the server's CPU. The provider is thread-safe, and its javadoc asks users to cache it.
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {}
}
