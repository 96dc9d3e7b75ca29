package dev.valbox.blobs.boundary;

import dev.valbox.blobs.entity.Blob;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A blob as listed: Val Town's {@code BlobListingItem}. */
@JsonbPropertyOrder({"key", "size", "lastModified"})
public record BlobResponse(String key, long size, Instant lastModified) {

    public static BlobResponse from(Blob blob) {
        return new BlobResponse(blob.key(), blob.size(), blob.lastModified());
    }
}
