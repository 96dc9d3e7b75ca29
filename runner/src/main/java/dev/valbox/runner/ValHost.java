package dev.valbox.runner;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.openjdk.nashorn.api.scripting.AbstractJSObject;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * The host side of one val Global, visible to the prelude as {@code __host} and then deleted. Bytes cross
 * as byte strings (one char per byte), so no Java array or buffer ever reaches JS.
 */
final class ValHost extends AbstractJSObject {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The host call that mints the run's val token (PROTOCOL.md, "valToken"). */
    static final String VAL_TOKEN_SERVICE = "valtown.token";

    private static final byte[] REPLACEMENT_CHARACTER = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private final Settler settler;
    private volatile Budget budget;
    private volatile RunLog log;
    private volatile RunIo io;
    /** Names a pending host call or fetch to the runtime; only the run thread counts. */
    private int lastToken;

    /** Stateless host functions of lazily loaded APIs (crypto.subtle, Intl), shared by every Global. */
    private static final Map<String, HostFunction> SHARED = shared();

    private final Map<String, HostFunction> functions = Map.ofEntries(
            Map.entry(
                    "call", HostFunction.of(args -> call(HostFunction.string(args, 0), HostFunction.string(args, 1)))),
            Map.entry(
                    "fetch",
                    HostFunction.of(args -> fetch(
                            HostFunction.string(args, 0),
                            args.length > 1 && args[1] != null ? args[1].toString() : null))),
            Map.entry("gate", HostFunction.of(args -> gate())),
            Map.entry("valToken", HostFunction.of(args -> running().callNow(VAL_TOKEN_SERVICE))),
            Map.entry("kind", HostFunction.of(args -> kind(args.length > 0 ? args[0] : null))),
            Map.entry("log", HostFunction.of(args -> {
                RunLog current = log;
                if (current != null) {
                    current.add(HostFunction.string(args, 0), HostFunction.string(args, 1));
                }
                return true;
            })),
            Map.entry("lastError", HostFunction.of(args -> HostFunction.lastError())),
            Map.entry("utf8Encode", HostFunction.of(args -> utf8Encode(HostFunction.string(args, 0)))),
            Map.entry(
                    "utf8Decode",
                    HostFunction.of(args ->
                            utf8Decode(HostFunction.string(args, 0), args.length > 1 && Boolean.TRUE.equals(args[1])))),
            Map.entry("base64Encode", HostFunction.of(args -> base64Encode(HostFunction.string(args, 0)))),
            Map.entry("base64Decode", HostFunction.of(args -> base64Decode(HostFunction.string(args, 0)))),
            Map.entry("randomBytes", HostFunction.of(args -> randomBytes((int) HostFunction.number(args, 0)))),
            Map.entry("uuid", HostFunction.of(args -> UUID.randomUUID().toString())),
            Map.entry("now", HostFunction.of(args -> (System.nanoTime() - START_NANOS) / 1e6)),
            Map.entry(
                    "math", HostFunction.of(args -> math(HostFunction.string(args, 0), HostFunction.number(args, 1)))),
            Map.entry("timeOrigin", HostFunction.of(args -> TIME_ORIGIN)),
            Map.entry(
                    "normalize",
                    HostFunction.of(args -> normalize(HostFunction.string(args, 0), HostFunction.string(args, 1)))),
            // regexp.js: JS regular expressions that Nashorn cannot parse, run on java.util.regex (RegExpEngine)
            Map.entry(
                    "regexpDescribe",
                    HostFunction.of(
                            args -> RegExpEngine.describe(HostFunction.string(args, 0), HostFunction.string(args, 1)))),
            Map.entry(
                    "regexpExec",
                    HostFunction.of(args -> RegExpEngine.exec(
                            HostFunction.string(args, 0),
                            (int) HostFunction.number(args, 1),
                            HostFunction.string(args, 2),
                            (int) HostFunction.number(args, 3),
                            Boolean.TRUE.equals(args.length > 4 ? args[4] : null),
                            this::gate))),
            // bigint.js: BigInt values beyond a double's exact integers, as decimal strings (BigIntArithmetic)
            Map.entry(
                    "bigint",
                    HostFunction.of(args -> BigIntArithmetic.apply(
                            HostFunction.string(args, 0),
                            HostFunction.string(args, 1),
                            HostFunction.string(args, 2)))));

    /** performance.now() counts from the worker's start, as Deno's counts from its process start. */
    private static final long START_NANOS = System.nanoTime();

    private static final double TIME_ORIGIN = System.currentTimeMillis();

    /** @param settler hands an operation's outcome to the runtime's {@code settle}, on the run thread */
    ValHost(Settler settler) {
        this.settler = settler;
    }

    void attach(Budget budget, RunLog log, RunIo io) {
        this.budget = budget;
        this.log = log;
        this.io = io;
    }

    void detach() {
        this.budget = null;
        this.log = null;
        this.io = null;
    }

    @Override
    public Object getMember(String name) {
        HostFunction own = functions.get(name);
        return own != null ? own : SHARED.get(name);
    }

    @Override
    public boolean hasMember(String name) {
        return functions.containsKey(name) || SHARED.containsKey(name);
    }

    private static Map<String, HostFunction> shared() {
        Map<String, HostFunction> all = new java.util.HashMap<>(SubtleHost.functions());
        all.putAll(IntlHost.functions());
        return Map.copyOf(all);
    }

    /** Sends a host call; answers the token its settlement will carry. */
    private Object call(String service, String argsJson) {
        int token = ++lastToken;
        running().call(service, argsJson, settlement -> settler.settle(token, settlement));
        return token;
    }

    /** Starts a fetch; answers the token its settlement will carry. */
    private Object fetch(String requestJson, String body) throws FetchFailed {
        int token = ++lastToken;
        try {
            running().fetch(requestJson, body, settlement -> settler.settle(token, settlement));
        } catch (FetchFailed refused) {
            throw new FetchFailed("fetch failed: " + refused.getMessage());
        }
        return token;
    }

    private RunIo running() {
        RunIo current = io;
        if (current == null) {
            throw new IllegalStateException("no run is in progress");
        }
        return current;
    }

    private Object gate() {
        Budget current = budget;
        if (current != null) {
            current.check();
        }
        return true;
    }

    /** What a value caught by JS really is, so that {@code __caught} can replace Java objects. */
    static String kind(Object caught) {
        if (caught == null
                || caught instanceof JSObject
                || caught instanceof CharSequence
                || caught instanceof Number
                || caught instanceof Boolean) {
            return "js";
        }
        if (caught instanceof BudgetExceeded exceeded) {
            return exceeded.status().wire();
        }
        if (caught instanceof StackOverflowError) {
            return "stack";
        }
        if (caught instanceof OutOfMemoryError) {
            return "memory";
        }
        return "host";
    }

    static String utf8Encode(String text) {
        var encoder = StandardCharsets.UTF_8
                .newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT_CHARACTER);
        try {
            return bytesToBinary(encoder.encode(CharBuffer.wrap(text)));
        } catch (CharacterCodingException cannotHappenWithReplace) {
            throw new IllegalStateException(cannotHappenWithReplace);
        }
    }

    static String utf8Decode(String binary, boolean fatal) throws CharacterCodingException {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        if (fatal) {
            decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        } else {
            decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        }
        return decoder.decode(ByteBuffer.wrap(binaryToBytes(binary))).toString();
    }

    /**
     * The Math functions Nashorn lacks, by StrictMath: it is fdlibm, as V8's are, so the results match Deno's to the
     * last bit where Math.log(x) / Math.LN10 and the like would not.
     */
    static double math(String name, double x) {
        return switch (name) {
            case "log" -> StrictMath.log(x);
            case "log10" -> StrictMath.log10(x);
            case "log1p" -> StrictMath.log1p(x);
            case "expm1" -> StrictMath.expm1(x);
            case "cbrt" -> StrictMath.cbrt(x);
            case "sinh" -> StrictMath.sinh(x);
            case "tanh" -> StrictMath.tanh(x);
            default -> throw new IllegalArgumentException("no Math function " + name);
        };
    }

    /** String.prototype.normalize, by java.text.Normalizer. */
    static String normalize(String text, String form) {
        Normalizer.Form normal =
                switch (form) {
                    case "NFC" -> Normalizer.Form.NFC;
                    case "NFD" -> Normalizer.Form.NFD;
                    case "NFKC" -> Normalizer.Form.NFKC;
                    case "NFKD" -> Normalizer.Form.NFKD;
                    default -> throw new IllegalArgumentException(
                            "The normalization form should be one of NFC, NFD, NFKC, NFKD.");
                };
        return Normalizer.normalize(text, normal);
    }

    static String base64Encode(String binary) {
        return Base64.getEncoder().encodeToString(binaryToBytes(binary));
    }

    static String base64Decode(String base64) {
        if (base64.length() % 4 == 1) {
            throw new IllegalArgumentException("invalid base64 length");
        }
        return bytesToBinary(ByteBuffer.wrap(Base64.getDecoder().decode(base64)));
    }

    static String randomBytes(int count) {
        if (count < 0 || count > 65536) {
            throw new IllegalArgumentException("random byte count out of range");
        }
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytesToBinary(ByteBuffer.wrap(bytes));
    }

    @FunctionalInterface
    interface Settler {
        void settle(int token, RunIo.Settlement settlement);
    }

    static byte[] binaryToBytes(String binary) {
        byte[] bytes = new byte[binary.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) binary.charAt(i);
        }
        return bytes;
    }

    static String bytesToBinary(ByteBuffer bytes) {
        char[] chars = new char[bytes.remaining()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (bytes.get() & 0xFF);
        }
        return new String(chars);
    }
}
