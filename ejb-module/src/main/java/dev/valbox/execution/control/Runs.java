package dev.valbox.execution.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.accounts.control.Accounts;
import dev.valbox.accounts.control.Caller;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import dev.valbox.env.control.EnvVars;
import dev.valbox.execution.entity.EvaluationStatus;
import dev.valbox.execution.entity.Trigger;
import dev.valbox.modules.control.ImportSpecifier;
import dev.valbox.modules.control.ModuleGraph;
import dev.valbox.modules.control.Modules;
import dev.valbox.modules.entity.CompileException;
import dev.valbox.problems.entity.BusyException;
import dev.valbox.problems.entity.InvalidInputException;
import dev.valbox.problems.entity.TooLargeException;
import dev.valbox.problems.entity.UnauthenticatedException;
import dev.valbox.problems.entity.ValboxException;
import dev.valbox.site.control.Site;
import dev.valbox.tokens.control.ValTokens;
import dev.valbox.vals.control.Vals;
import dev.valbox.vals.entity.Val;
import dev.valbox.vals.entity.ValType;
import dev.valbox.vals.entity.ValVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Run and Eval APIs, and the runs of every other trigger. No transaction spans a run: the evaluation is kept
 * in memory and written after it, and the run itself happens on a worker. A CDI bean rather than an EJB because it is
 * on the path of every request to a val and needs no transaction (see {@link Evaluations}).
 */
@ApplicationScoped
public class Runs {

    public static final int MAX_EVAL_CODE = 8_192;
    /** The env var that holds a run's val token (SPEC §2). */
    static final String VAL_TOKEN_ENV = "valtown";

    private static final EnumSet<ValType> RUNNABLE = EnumSet.of(ValType.SCRIPT, ValType.RPC);

    /** A finished run and the evaluation that records it. */
    public record Outcome(UUID evaluationId, RunResult result) {}

    @Inject
    EvaluationRecorder recorder;

    @Inject
    Workers workers;

    @Inject
    Modules modules;

    @Inject
    Compiler compiler;

    @Inject
    Vals vals;

    @Inject
    Accounts accounts;

    @Inject
    EnvVars envVars;

    @Inject
    ValTokens valTokens;

    @Inject
    RunCache cache;

    @Inject
    @ConfigProperty(name = "valbox.run.timeout-ms", defaultValue = "10000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "valbox.run.log-bytes", defaultValue = "102400")
    int logBytes;

    /** fetch to loopback, private, link-local and metadata addresses is refused unless this is set (SPEC §4). */
    @Inject
    @ConfigProperty(name = "valbox.fetch.allow-private", defaultValue = "false")
    boolean allowPrivateFetch;

    @Inject
    @ConfigProperty(name = "valbox.eval.anonymous", defaultValue = "true")
    boolean anonymousEval;

    @Inject
    Site site;

    /** Runs a script or rpc val's exported function with {@code args}, as its author and with the author's env. */
    public Outcome run(Caller caller, String username, String valName, JsonArray args) {
        var version = vals.byAlias(caller, accounts.getByUsername(username), valName);
        var val = version.val();
        if (!RUNNABLE.contains(val.type())) {
            throw new InvalidInputException(
                    "valname", val.name() + " is an " + val.type().wire() + " val: only script and rpc vals run here");
        }
        return serve(val, version.version(), () -> graph(version.id()), call(args), Trigger.RUN);
    }

    /**
     * Runs an interval val's default (else first) exported function with {@code {lastRunAt}} (a {@code Date}, or
     * undefined before its first run): a tick of its schedule, or "Run now".
     */
    public Outcome interval(ValVersion version, Instant lastRunAt) {
        var call = JSON.createObjectBuilder().add("kind", "interval");
        if (lastRunAt == null) {
            call.addNull("lastRunAt");
        } else {
            call.add("lastRunAt", lastRunAt.toString());
        }
        return serve(version.val(), version.version(), () -> graph(version.id()), call.build(), Trigger.INTERVAL);
    }

    /**
     * Runs the default export (else the first exported function) of a val's version with {@code args}, as its author:
     * the runs no request asks for, such as a mail to an email val.
     */
    public Outcome trigger(ValVersion version, JsonArray args, Trigger trigger) {
        return serve(version.val(), version.version(), () -> graph(version.id()), call(args), trigger);
    }

    /**
     * Runs a saved val as its author and records the evaluation. The graph is assembled inside, so a syntax error
     * or a refused import is recorded like any other failed run.
     */
    public Outcome serve(Val val, int version, Supplier<ModuleGraph> graph, JsonObject call, Trigger trigger) {
        var env = env(val.author());
        var id = recorder.start(val, version, val.author(), trigger);
        return recorded(id, () -> {
            ModuleGraph modules;
            try {
                modules = graph.get();
            } catch (CompileException e) {
                return failed(id, e);
            }
            var runAs = ValTokens.runAs(val.author(), val.tokenScopes());
            return execute(
                    id,
                    modules,
                    call,
                    RunIdentity.of(runAs, () -> valTokens.issue(runAs, val.id(), Duration.ofMillis(timeoutMs))),
                    env);
        });
    }

    /**
     * Runs code that is not saved: an expression's value, or a module's default (else first) exported function. With a
     * token it runs as that user, with their env; anonymous eval gets no env.
     */
    public Outcome eval(Caller caller, String code, JsonArray args) {
        if (caller.anonymous() && !anonymousEval) {
            throw new UnauthenticatedException("Anonymous eval is turned off on this server; use an API token.");
        }
        if (!caller.anonymous()) {
            caller.require(Scope.VAL_WRITE);
        }
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "code must not be empty");
        }
        if (code.length() > MAX_EVAL_CODE) {
            throw new TooLargeException("code", "eval code must be at most " + MAX_EVAL_CODE + " characters");
        }
        var env = caller.anonymous() ? Map.<String, String>of() : env(caller.user());
        var id = recorder.start(null, null, caller.user(), Trigger.EVAL);
        return recorded(id, () -> {
            var compiled = compiler.compile("export default (\n" + code + "\n);")
                    .filter(Compilation::ok)
                    .or(() -> compiler.compile(code));
            if (compiled.isEmpty()) {
                return failed(id, CompileException.compilerUnavailable());
            }
            if (!compiled.get().ok()) {
                var first = compiled.get().diagnostics().getJsonObject(0);
                return failed(
                        id,
                        CompileException.syntax(
                                "",
                                first.getInt("line", 0),
                                first.getInt("column", 0),
                                first.getString("message", "")));
            }
            var runAs = ValTokens.runAsForEval(caller);
            var identity = RunIdentity.of(
                    runAs, runAs.anonymous() ? null : () -> valTokens.issue(runAs, null, Duration.ofMillis(timeoutMs)));
            // Eval code may use the standard library (as the token's user, within its scopes); other imports stay
            // unmapped.
            var standard = new HashMap<String, String>();
            for (var specifier : compiled.get().imports()) {
                ImportSpecifier.standardLibrary(specifier).ifPresent(key -> standard.put(specifier, key));
            }
            return execute(
                    id, ModuleGraph.single("eval-" + id, compiled.get().code(), standard), call(args), identity, env);
        });
    }

    /**
     * Runs a graph as {@code identity}: its host calls have that caller's scopes, and its val token (the same
     * identity, signed when the val first reads it) is {@code valtown} in the env, so no stored env var can shadow it.
     */
    private Outcome execute(
            UUID id, ModuleGraph graph, JsonObject call, RunIdentity identity, Map<String, String> userEnv) {
        var env = JSON.createObjectBuilder();
        userEnv.forEach((key, value) -> {
            if (!key.equals(VAL_TOKEN_ENV)) {
                env.add(key, value);
            }
        });
        env.add("VALTOWN_API_URL", site.url()).add("VALBOX_API_URL", site.url());
        var frame = JSON.createObjectBuilder()
                .add("op", "run")
                .add("id", id.toString())
                .add("entry", graph.entry())
                .add("modules", graph.modulesJson())
                .add("call", call)
                .add("env", env)
                .add("valToken", identity.hasValToken())
                .add(
                        "limits",
                        JSON.createObjectBuilder()
                                .add("timeoutMs", timeoutMs)
                                .add("logBytes", logBytes)
                                .add("allowPrivateFetch", allowPrivateFetch))
                .build();
        RunResult result;
        try {
            result = workers.run(id, frame, timeoutMs, identity, graph.entry());
        } catch (BusyException e) {
            recorder.finish(id, RunResult.failed(EvaluationStatus.ERROR, "BusyError", e.getMessage(), 0));
            throw e;
        }
        recorder.finish(id, result);
        return new Outcome(id, result);
    }

    /** The modules a run of this version needs, as recently resolved (imports are resolved as its author sees them). */
    public ModuleGraph graph(UUID versionId) {
        return cache.get("graph:" + versionId, () -> modules.graph(versionId));
    }

    /** The env vars of a user's runs, decrypted, as recently read. */
    private Map<String, String> env(User user) {
        return cache.get("env:" + user.id(), () -> Map.copyOf(envVars.forRun(user)));
    }

    /**
     * What follows the start of an evaluation. Whatever goes wrong unexpectedly, the evaluation still ends (as an
     * error) instead of being listed as running for ever.
     */
    private Outcome recorded(UUID id, Supplier<Outcome> run) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            var message = e instanceof ValboxException ? e.getMessage() : "The run could not start.";
            recorder.finish(id, RunResult.failed(EvaluationStatus.ERROR, "Error", message, 0));
            throw e;
        }
    }

    private Outcome failed(UUID id, CompileException e) {
        var result = RunResult.failed(EvaluationStatus.ERROR, e.errorName(), e.getMessage(), 0);
        recorder.finish(id, result);
        return new Outcome(id, result);
    }

    private static JsonObject call(JsonArray args) {
        return JSON.createObjectBuilder()
                .add("kind", "function")
                .addNull("export")
                .add("args", args == null ? JSON.createArrayBuilder().build() : args)
                .build();
    }
}
