package dev.valbox.vals.boundary;

import dev.valbox.vals.entity.ValVersion;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;

public record ValVersionResponse(@JsonbProperty("val_id") UUID valId, int version, Instant createdAt) {

    public static ValVersionResponse from(ValVersion version) {
        return new ValVersionResponse(version.val().id(), version.version(), version.createdAt());
    }
}
