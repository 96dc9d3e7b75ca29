package dev.valbox.modules.entity;

import dev.valbox.problems.entity.ValboxException;

/**
 * The code to run cannot be assembled: a syntax error, or an import that does not resolve or is not allowed. It
 * carries the name of the JavaScript error a val author would expect to see ({@code SyntaxError}, {@code TypeError}).
 */
public class CompileException extends ValboxException {

    private final String errorName;

    public CompileException(String errorName, String detail) {
        super(Kind.INVALID, "code", detail);
        this.errorName = errorName;
    }

    public static CompileException syntax(String where, int line, int column, String message) {
        return new CompileException(
                "SyntaxError", message + " (" + where + "line " + line + ", column " + column + ")");
    }

    public static CompileException compilerUnavailable() {
        return new CompileException("Error", "The compiler is not available right now; try again shortly.");
    }

    public String errorName() {
        return errorName;
    }
}
