package dev.valbox.runner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * The protocol loop of PROTOCOL.md. The reader thread only parses and dispatches, so it answers cancel
 * and hands on host replies even while a run is stuck in user code. Compiles run on a compiler thread and
 * runs on a run thread, one at a time each, queued in arrival order.
 */
final class Worker {

    /** Vals recurse on this stack: 4 MB gives ~9,000 JS frames (research §4). */
    static final long RUN_STACK_BYTES = 4L << 20;
    /** TypeScript's parser recurses on nesting in the source; hostile input is caught as too deep. */
    static final long COMPILER_STACK_BYTES = 16L << 20;

    private final Frames frames;
    private final Sandbox sandbox;
    private final Globals globals;
    private final ExecutorService runThread = Executors.newSingleThreadExecutor(threads("val-run", RUN_STACK_BYTES));
    private final ExecutorService compilerThread =
            Executors.newSingleThreadExecutor(threads("val-compiler", COMPILER_STACK_BYTES));
    private final Supplier<Transpiler> loadTranspiler;
    private final HostCalls calls;
    private final Fetcher fetcher;
    private Transpiler transpiler;
    /** Runs received and not yet answered, so that a cancel finds a run still waiting in the queue. */
    private final Map<String, Evaluation> runs = new ConcurrentHashMap<>();

    Worker(Frames frames, Sandbox sandbox) {
        this(frames, sandbox, () -> new Transpiler(sandbox), Fetcher.standard());
    }

    /** With the transpiler given, because loading TypeScript takes seconds (tests share one), and the fetcher. */
    Worker(Frames frames, Sandbox sandbox, Supplier<Transpiler> loadTranspiler, Fetcher fetcher) {
        this.frames = frames;
        this.sandbox = sandbox;
        this.loadTranspiler = loadTranspiler;
        this.calls = new HostCalls(frames::write);
        this.fetcher = fetcher;
        this.globals = new Globals(sandbox, Globals.DEFAULT_CAPACITY);
    }

    /** Serves until the server closes stdin. */
    void serve() throws IOException {
        while (true) {
            Map<String, Object> message;
            try {
                message = frames.read();
            } catch (Frames.BadFrameException bad) {
                error(bad.getMessage());
                continue;
            }
            if (message == null) {
                return;
            }
            try {
                dispatch(message);
            } catch (RuntimeException malformed) {
                error("malformed " + message.get("op") + " message: " + malformed.getMessage());
            }
        }
    }

    private void dispatch(Map<String, Object> message) {
        Object op = message.get("op");
        switch (op instanceof String s ? s : "") {
            case "compile" -> compile(message);
            case "warmup" -> compilerThread.execute(() -> {
                transpiler().warm();
                frames.write(Map.of("op", "ready"));
            });
            case "run" -> run(message);
            case "reply" -> calls.reply(message);
            case "cancel" -> {
                Evaluation running = runs.get(text(message, "id"));
                if (running != null) {
                    running.cancel();
                }
            }
            default -> error("unknown op " + op);
        }
    }

    private void compile(Map<String, Object> message) {
        String id = text(message, "id");
        String source = text(message, "source");
        Object kind = message.get("kind");
        boolean isPackage = "package".equals(kind);
        if (kind != null && !isPackage && !"val".equals(kind)) {
            throw new IllegalArgumentException("kind must be \"val\" or \"package\"");
        }
        String file = isPackage ? text(message, "file") : null;
        compilerThread.execute(() -> {
            Transpiler.Compilation compilation = isPackage
                    ? transpiler().compilePackage(source, file)
                    : transpiler().compile(source);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("op", "compiled");
            answer.put("id", id);
            answer.put("ok", compilation.ok());
            answer.put("code", compilation.code());
            answer.put("imports", compilation.imports());
            answer.put("diagnostics", compilation.diagnostics());
            frames.write(answer);
        });
    }

    @SuppressWarnings("unchecked")
    private void run(Map<String, Object> message) {
        String id = text(message, "id");
        String entry = text(message, "entry");
        Object modulesField = message.get("modules");
        if (!(modulesField instanceof Map<?, ?> modulesJson) || !modulesJson.containsKey(entry)) {
            throw new IllegalArgumentException("modules must be an object holding the entry module");
        }
        List<ValModule> modules = new ArrayList<>();
        for (Map.Entry<?, ?> module : modulesJson.entrySet()) {
            for (String reserved : List.of(ValGlobal.STANDARD_PREFIX, ValGlobal.NODE_PREFIX)) {
                if (module.getKey().toString().startsWith(reserved)) {
                    throw new IllegalArgumentException("module keys starting with " + reserved
                            + " name the worker's own modules and cannot be sent");
                }
            }
            Map<String, Object> body = (Map<String, Object>) module.getValue();
            Object imports = body.get("imports");
            Object url = body.get("url");
            if (url != null && !(url instanceof String)) {
                throw new IllegalArgumentException("a module's url must be a string");
            }
            modules.add(new ValModule(
                    module.getKey().toString(),
                    text(body, "code"),
                    imports == null ? Map.of() : (Map<String, String>) imports,
                    (String) url));
        }
        Object call = message.get("call");
        if (!(call instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("call must be an object");
        }
        var evaluation = new Evaluation(
                id,
                entry,
                modules,
                call,
                message.get("env"),
                Boolean.TRUE.equals(message.get("valToken")),
                Evaluation.Limits.from((Map<?, ?>) message.get("limits")),
                calls,
                fetcher);
        runs.put(id, evaluation);
        runThread.execute(() -> {
            try {
                frames.write(evaluation.run(globals));
            } finally {
                runs.remove(id, evaluation);
            }
        });
    }

    private Transpiler transpiler() {
        if (transpiler == null) {
            transpiler = loadTranspiler.get();
        }
        return transpiler;
    }

    private void error(String message) {
        frames.write(Map.of("op", "error", "message", message));
    }

    private static String text(Map<String, Object> message, String field) {
        if (message.get(field) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException(field + " must be a string");
    }

    private static ThreadFactory threads(String name, long stackBytes) {
        return task -> {
            Thread thread = new Thread(null, task, name, stackBytes);
            thread.setDaemon(true);
            return thread;
        };
    }
}
