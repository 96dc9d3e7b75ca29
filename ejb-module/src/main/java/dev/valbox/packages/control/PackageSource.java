package dev.valbox.packages.control;

import dev.valbox.packages.entity.PackageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gets a package version into the store: picks the version a range names from the registry's metadata, downloads its
 * tarball within the size cap, checks its integrity before reading it, unpacks it with {@link Tarball} and stores it.
 * A version already stored is never fetched again, and when the registry cannot be asked a range is resolved against
 * the stored versions, so saves of vals whose packages are cached keep working through a registry outage.
 */
@ApplicationScoped
public class PackageSource {

    @Inject
    Registry registry;

    @Inject
    PackageStore store;

    @Inject
    @ConfigProperty(name = "valbox.npm.max-package-mb", defaultValue = "20")
    int maxPackageMb;

    @Inject
    @ConfigProperty(name = "valbox.npm.max-files", defaultValue = "2000")
    int maxFiles;

    /** The stored package version that {@code range} (null: {@code latest}) picks. */
    public PackageFiles get(String name, String range) {
        String version;
        JsonObject metadata;
        try {
            metadata = registry.metadata(name);
            version = Versions.pick(metadata, range)
                    .orElseThrow(() -> new PackageException(
                            "no version of " + name + " matches '" + (range == null ? Versions.LATEST : range) + "'"));
        } catch (Registry.UnknownPackageException e) {
            throw new PackageException(e.getMessage());
        } catch (Versions.BadRangeException e) {
            throw new PackageException(e.getMessage());
        } catch (Registry.UnavailableException e) {
            return offline(name, range, e);
        }
        var stored = store.find(name, version);
        return stored.isPresent() ? stored.get() : fetch(published(name, metadata, version), null);
    }

    /** A version pinned by a lock, fetched again (and checked against the pinned integrity) if the store lost it. */
    public PackageFiles exact(String name, String version, String pinned) {
        var stored = store.find(name, version);
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return fetch(published(name, registry.metadata(name), version), pinned);
        } catch (Registry.UnknownPackageException | Registry.UnavailableException e) {
            throw new PackageException(name + "@" + version + " is not stored on this server and cannot be fetched ("
                    + e.getMessage() + ")");
        }
    }

    private PackageFiles offline(String name, String range, Registry.UnavailableException cause) {
        try {
            return Versions.pickStored(store.versions(name), range)
                    .flatMap(version -> store.find(name, version))
                    .orElseThrow(() -> new PackageException("the registry cannot be reached (" + cause.getMessage()
                            + "), and no version of " + name + " matching '" + (range == null ? Versions.LATEST : range)
                            + "' is stored on this server"));
        } catch (Versions.BadRangeException e) {
            throw new PackageException(e.getMessage());
        }
    }

    private static PackageVersion published(String name, JsonObject metadata, String version) {
        var versions = metadata.getJsonObject("versions");
        var entry = versions == null ? null : versions.getJsonObject(version);
        var dist = entry == null ? null : entry.getJsonObject("dist");
        if (dist == null) {
            throw new PackageException("the registry lists no " + name + "@" + version);
        }
        return new PackageVersion(name, version, text(dist, "tarball"), text(dist, "integrity"), text(dist, "shasum"));
    }

    private PackageFiles fetch(PackageVersion version, String pinned) {
        if (pinned != null && !pinned.equals(version.pinned())) {
            throw new PackageException(
                    version.id() + " changed in the registry since it was pinned (integrity " + "differs)");
        }
        long maxBytes = maxPackageMb * 1024L * 1024L;
        byte[] bytes;
        try {
            bytes = registry.tarball(version, maxBytes);
        } catch (Registry.UnknownPackageException e) {
            throw new PackageException(version.id() + ": " + e.getMessage());
        } catch (Registry.UnavailableException e) {
            throw new PackageException(
                    version.id() + " cannot be downloaded: the registry cannot be reached (" + e.getMessage() + ")");
        }
        if (!Integrity.matches(bytes, version.integrity(), version.shasum())) {
            throw new PackageException("the tarball of " + version.id()
                    + " fails its integrity check: it is not what the registry published");
        }
        try {
            var files = new Tarball(maxBytes, maxFiles).read(bytes);
            return store.store(version.name(), version.version(), version.pinned(), files);
        } catch (Tarball.RefusedException e) {
            throw new PackageException(version.id() + " is refused: " + e.getMessage());
        }
    }

    private static String text(JsonObject object, String field) {
        return object.get(field) instanceof JsonString s ? s.getString() : null;
    }
}
