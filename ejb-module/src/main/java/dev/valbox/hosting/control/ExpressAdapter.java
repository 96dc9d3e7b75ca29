package dev.valbox.hosting.control;

import dev.valbox.execution.control.Compiler;
import dev.valbox.modules.control.ModuleGraph;
import dev.valbox.modules.entity.CompileException;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Puts the Express adapter (express-adapter.ts) in front of an Express val's module graph. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ExpressAdapter {

    static final String KEY = "valbox-express-adapter-1";

    @Inject
    Compiler compiler;

    private volatile String code;

    public ModuleGraph wrap(ModuleGraph val) {
        var modules = new LinkedHashMap<>(val.modules());
        modules.put(KEY, new ModuleGraph.Module(code(), Map.of("val", val.entry()), null));
        return new ModuleGraph(KEY, modules);
    }

    private String code() {
        var compiled = code;
        if (compiled == null) {
            synchronized (this) {
                if (code == null) {
                    code = compiler.compile(source())
                            .filter(c -> c.ok())
                            .map(c -> c.code())
                            .orElseThrow(CompileException::compilerUnavailable);
                }
                compiled = code;
            }
        }
        return compiled;
    }

    private static String source() {
        try (var in = ExpressAdapter.class.getResourceAsStream("/dev/valbox/hosting/express-adapter.ts")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
