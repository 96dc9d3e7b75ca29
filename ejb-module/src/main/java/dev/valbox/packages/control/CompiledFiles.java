package dev.valbox.packages.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.execution.control.Compiler;
import dev.valbox.packages.entity.PackageException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/**
 * Package files as the compiler worker lowered them ({@code kind: "package"}), compiled once per compiler build and
 * kept in the {@link PackageStore}: a warm save or a run reads them from disk. A file that does not compile is a
 * package that cannot run here, and the save that reaches it fails naming the package, the file and the error.
 */
@ApplicationScoped
public class CompiledFiles {

    /** What a file compiled to: the code a worker runs and the specifiers it imports or requires. */
    public record CompiledFile(String code, List<String> imports) {}

    @Inject
    Compiler compiler;

    @Inject
    PackageStore store;

    public CompiledFile get(PackageFiles files, String path) {
        var key = files.key(path);
        var answer = store.compiled(compiler.build(), key).orElseGet(() -> compile(files, key));
        if (!answer.getBoolean("ok", false)) {
            var first = answer.getJsonArray("diagnostics").isEmpty()
                    ? JSON.createObjectBuilder().build()
                    : answer.getJsonArray("diagnostics").getJsonObject(0);
            throw new PackageException(files.id() + " cannot run here: " + path + " line " + first.getInt("line", 0)
                    + ", column " + first.getInt("column", 0) + ": " + first.getString("message", "does not compile"));
        }
        return new CompiledFile(
                answer.getString("code"),
                answer.getJsonArray("imports").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList());
    }

    private JsonObject compile(PackageFiles files, PackageKey key) {
        var compilation = compiler.compilePackage(files.read(key.path()), key.toString())
                .orElseThrow(() -> new PackageException("the compiler is not available right now; try again shortly"));
        var answer = JSON.createObjectBuilder()
                .add("ok", compilation.ok())
                .add("code", compilation.code())
                .add("imports", JSON.createArrayBuilder(compilation.imports()))
                .add("diagnostics", compilation.diagnostics())
                .build();
        store.storeCompiled(compiler.build(), key, answer);
        return answer;
    }
}
