package dev.valbox.execution.control;

import dev.valbox.accounts.control.Caller;
import jakarta.json.JsonValue;

/**
 * A part of the standard library that vals reach through host calls ({@code blob}, {@code sqlite}, {@code email}).
 * Calls act as the val's author with the val token's scopes, and go through the same control beans, with the same
 * checks, as the REST API.
 */
public interface HostService {

    /** The service name: a call to {@code "blob.get"} goes to the service named {@code "blob"}. */
    String name();

    /** Answers one call; domain errors reach the val as JS errors with the same message the API would give. */
    JsonValue call(Caller caller, String operation, JsonValue args);
}
