package dev.valbox.modules.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.accounts.entity.User;
import dev.valbox.execution.control.Compiler;
import dev.valbox.modules.entity.CompileException;
import dev.valbox.packages.control.NodeBuiltins;
import dev.valbox.packages.control.Packages;
import dev.valbox.packages.entity.PackageException;
import dev.valbox.packages.entity.PackageLock;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.site.control.Site;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValVersion;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves the modules a run needs, compiling any version that was saved while the compiler was unavailable. */
@Stateless
public class Modules {

    public static final int MAX_MODULES = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    Compiler compiler;

    @Inject
    Packages packages;

    @Inject
    Site site;

    /**
     * The graph for running a version; imports are judged as seen by that val's author. Package imports follow the
     * lock each version was saved with; their code comes from the package store.
     */
    public ModuleGraph graph(java.util.UUID versionId) {
        var entry = em.find(ValVersion.class, versionId);
        var runAs = entry.val().author();
        var modules = new LinkedHashMap<String, ModuleGraph.Module>();
        var packageModules = new LinkedHashMap<String, ModuleGraph.Module>();
        var queue = new ArrayDeque<ValVersion>(List.of(entry));
        while (!queue.isEmpty()) {
            var version = queue.poll();
            var key = version.id().toString();
            if (modules.containsKey(key)) {
                continue;
            }
            if (modules.size() >= MAX_MODULES) {
                throw new InvalidInputException("code", "a val may import at most " + MAX_MODULES + " modules");
            }
            var code = compiled(version);
            var lock = lock(version);
            var imports = new HashMap<String, String>();
            for (var specifier : version.importSpecifiers()) {
                var std = ImportSpecifier.standardLibrary(specifier);
                if (std.isPresent()) {
                    imports.put(specifier, std.get());
                    continue;
                }
                // An npm import as pinned at save time; a Node built-in, spelled node:x in a val as in Deno.
                var pinned = Optional.ofNullable(lock.entries().get(specifier))
                        .or(() -> specifier.startsWith("node:") ? NodeBuiltins.key(specifier) : Optional.empty());
                if (pinned.isPresent()) {
                    imports.put(specifier, pinned.get());
                    continue;
                }
                var parsed = ImportSpecifier.parse(specifier, site.url());
                if (parsed.isPresent()) {
                    var target = resolve(specifier, parsed.get(), runAs);
                    imports.put(specifier, target.id().toString());
                    queue.add(target);
                }
            }
            modules.put(key, new ModuleGraph.Module(code, imports, url(version)));
            packageModules(lock).forEach(packageModules::putIfAbsent);
        }
        modules.putAll(packageModules);
        return new ModuleGraph(entry.id().toString(), modules);
    }

    /** A package that cannot be assembled fails the run like an import that does not resolve. */
    private PackageLock lock(ValVersion version) {
        try {
            return packages.lockOf(version);
        } catch (PackageException e) {
            throw new CompileException("Error", e.getMessage());
        }
    }

    private Map<String, ModuleGraph.Module> packageModules(PackageLock lock) {
        if (lock.isEmpty()) {
            return Map.of();
        }
        try {
            var modules = new LinkedHashMap<String, ModuleGraph.Module>();
            packages.code(lock)
                    .forEach((key, code) -> modules.put(
                            key, new ModuleGraph.Module(code, lock.modules().get(key), null)));
            return modules;
        } catch (PackageException e) {
            throw new CompileException("Error", e.getMessage());
        }
    }

    /** The compiled code of a version, compiling it now if needed. A syntax error fails the run, naming where. */
    public String compiled(ValVersion version) {
        if (!version.isCompiled()) {
            compiler.compileInto(version);
        }
        if (!version.isCompiled()) {
            throw CompileException.compilerUnavailable();
        }
        if (version.compileErrors() != null) {
            throw syntaxError(version);
        }
        return version.compiledCode();
    }

    /** A val's {@code import.meta.url}: where this site serves that version's source. */
    private String url(ValVersion version) {
        var val = version.val();
        return ImportSpecifier.stripSlash(site.url()) + "/v/" + val.author().username() + "/" + val.name() + "?v="
                + version.version();
    }

    private ValVersion resolve(String specifier, ImportSpecifier target, User runAs) {
        var val = em.createQuery(
                        "SELECT v FROM Val v WHERE v.author.username = :username AND v.nameKey = :key", Val.class)
                .setParameter("username", target.username())
                .setParameter("key", Val.key(target.valName()))
                .getResultStream()
                .findFirst()
                .filter(v -> v.privacy().viewableByAnyone() || v.author().id().equals(runAs.id()))
                .orElseThrow(() -> new CompileException(
                        "TypeError",
                        "Cannot import \"" + specifier + "\": no such val, or it is private to its author"));
        int number = Optional.ofNullable(target.version()).orElse(val.version());
        return em.createNamedQuery(ValVersion.OF_VAL, ValVersion.class)
                .setParameter("val", val)
                .setParameter("version", number)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new CompileException(
                        "TypeError", "Cannot import \"" + specifier + "\": version " + number + " does not exist"));
    }

    private static CompileException syntaxError(ValVersion version) {
        try (var reader = JSON.createReader(new StringReader(version.compileErrors()))) {
            var first = reader.readArray().getJsonObject(0);
            var where =
                    version.val().author().username() + "/" + version.val().name() + " v" + version.version() + ", ";
            return CompileException.syntax(
                    where, first.getInt("line", 0), first.getInt("column", 0), first.getString("message", ""));
        }
    }
}
