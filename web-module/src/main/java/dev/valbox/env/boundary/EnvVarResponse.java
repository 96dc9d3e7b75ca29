package dev.valbox.env.boundary;

import dev.valbox.env.entity.EnvVar;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** An env var as listed: its key and times, never its value. */
@JsonbPropertyOrder({"key", "createdAt", "updatedAt"})
public record EnvVarResponse(String key, Instant createdAt, Instant updatedAt) {

    public static EnvVarResponse from(EnvVar envVar) {
        return new EnvVarResponse(envVar.key(), envVar.createdAt(), envVar.updatedAt());
    }
}
