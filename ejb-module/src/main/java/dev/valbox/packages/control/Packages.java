package dev.valbox.packages.control;

import dev.valbox.packages.entity.PackageLock;
import dev.valbox.vals.entity.ValVersion;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The package imports of saved versions: resolved and pinned when a version is saved (or, if the compiler was down
 * then, when it is first compiled), and assembled from the store for its runs.
 */
@Stateless
public class Packages {

    @Inject
    PackageSource source;

    @Inject
    CompiledFiles compiled;

    @Inject
    @ConfigProperty(name = "valbox.npm.max-modules", defaultValue = "2000")
    int maxModules;

    @Inject
    @ConfigProperty(name = "valbox.npm.max-depth", defaultValue = "20")
    int maxDepth;

    /**
     * Resolves the package imports of a compiled version and records the lock on it. A package that cannot be
     * resolved fails the save with a message naming the import; nothing is saved then.
     */
    public void resolveInto(ValVersion version) {
        if (!version.isCompiled() || version.packages() != null) {
            return;
        }
        var resolution = new Resolution(source, compiled, maxModules, maxDepth);
        for (var specifier : version.importSpecifiers()) {
            PackageImport.parse(specifier).ifPresent(wanted -> resolution.add(specifier, wanted));
        }
        var lock = resolution.lock();
        version.packagesResolved(lock.isEmpty() ? null : lock.toJson());
    }

    /** The lock of a version, resolving it first if it was compiled after it was saved. */
    public PackageLock lockOf(ValVersion version) {
        if (version.packages() == null && version.importSpecifiers().stream().anyMatch(PackageImport::isPackage)) {
            resolveInto(version);
        }
        return PackageLock.fromJson(version.packages());
    }

    /** The code of every package module a lock pins, by module key, read from the store. */
    public Map<String, String> code(PackageLock lock) {
        var stored = new HashMap<String, PackageFiles>();
        var code = new LinkedHashMap<String, String>();
        for (var key : lock.modules().keySet()) {
            var parsed = PackageKey.parse(key).orElseThrow();
            var files = stored.computeIfAbsent(
                    parsed.id(),
                    id -> source.exact(
                            parsed.name(), parsed.version(), lock.packages().get(id)));
            code.put(key, compiled.get(files, parsed.path()).code());
        }
        return code;
    }
}
