package dev.valbox.runner;

import org.openjdk.nashorn.api.scripting.AbstractJSObject;

/**
 * The only kind of Java object JS ever holds: a callable with no Java methods, class or prototype to reach
 * through. Arguments and results are primitives and strings only. A failure never hands JS a Java
 * exception: the function answers {@code null}, and the prelude turns {@link #lastError()} into a plain
 * JS {@code Error}. Budget trips and VM errors (stack overflow, out of memory) pass through on purpose, so
 * that a run stops; the prelude's {@code __caught} turns them into JS errors if user code catches them.
 */
abstract class HostFunction extends AbstractJSObject {

    /** Per thread, since only the run thread and the compiler thread call host functions. */
    private static final ThreadLocal<String> LAST_ERROR = ThreadLocal.withInitial(() -> "");

    /** Arguments are JS primitives (String, Number, Boolean) or null for anything else. */
    abstract Object invoke(Object[] args) throws Exception;

    static String lastError() {
        return LAST_ERROR.get();
    }

    @Override
    public final Object call(Object thiz, Object... args) {
        try {
            Object result = invoke(args);
            return result == null ? "" : result;
        } catch (BudgetExceeded | VirtualMachineError stop) {
            throw stop;
        } catch (Throwable failure) {
            LAST_ERROR.set(failure.getMessage() == null ? "Host call failed" : failure.getMessage());
            return null;
        }
    }

    @Override
    public final boolean isFunction() {
        return true;
    }

    @Override
    public final boolean isStrictFunction() {
        return true;
    }

    @Override
    public String getClassName() {
        return "Function";
    }

    @Override
    public Object getDefaultValue(Class<?> hint) {
        return "function () { [native code] }";
    }

    static String string(Object[] args, int index) {
        return index < args.length && args[index] != null ? args[index].toString() : "";
    }

    static double number(Object[] args, int index) {
        return index < args.length && args[index] instanceof Number n ? n.doubleValue() : 0;
    }

    static HostFunction of(Body body) {
        return new HostFunction() {
            @Override
            Object invoke(Object[] args) throws Exception {
                return body.apply(args);
            }
        };
    }

    @FunctionalInterface
    interface Body {
        Object apply(Object[] args) throws Exception;
    }
}
