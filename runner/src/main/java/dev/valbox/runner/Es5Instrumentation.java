package dev.valbox.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.nashorn.api.tree.BlockTree;
import org.openjdk.nashorn.api.tree.CatchTree;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.Diagnostic;
import org.openjdk.nashorn.api.tree.DoWhileLoopTree;
import org.openjdk.nashorn.api.tree.ExpressionStatementTree;
import org.openjdk.nashorn.api.tree.ForInLoopTree;
import org.openjdk.nashorn.api.tree.ForLoopTree;
import org.openjdk.nashorn.api.tree.FunctionCallTree;
import org.openjdk.nashorn.api.tree.FunctionDeclarationTree;
import org.openjdk.nashorn.api.tree.FunctionExpressionTree;
import org.openjdk.nashorn.api.tree.IdentifierTree;
import org.openjdk.nashorn.api.tree.LiteralTree;
import org.openjdk.nashorn.api.tree.Parser;
import org.openjdk.nashorn.api.tree.SimpleTreeVisitorES5_1;
import org.openjdk.nashorn.api.tree.StatementTree;
import org.openjdk.nashorn.api.tree.Tree;
import org.openjdk.nashorn.api.tree.WhileLoopTree;

/**
 * The fast path of the package compile for a CommonJS file that is plain ES5 (React's and most UMD builds): the engine's
 * own parser finds every function body, loop body and catch block, and the same deadline checks and error hygiene the
 * transpiler injects are inserted as text, without a line break, so lines stay where they were. TypeScript on Nashorn
 * takes minutes for a file like react-dom's server build (250 KB); this takes well under a second. Anything it is not
 * sure of (ES2015+ syntax, a reserved name, BigInt, a RegExp the engine refuses) answers null and the file goes through
 * the transpiler. Not thread-safe: used from the compiler thread only.
 */
final class Es5Instrumentation {

    /** The transpiler's reserved names, and BigInt, whose operators only the transpiler rewrites (bigint.js). */
    private static final Pattern RESERVED = Pattern.compile("__chk|__caught|__importMeta|__bigint|BigInt");

    /** ES5.1, the parser's default language: anything newer is for the transpiler. */
    private final Parser parser = Parser.create("--no-syntax-extensions");

    /** The instrumented code and its require("…") specifiers, or null when the file needs the transpiler. */
    Result instrument(String source) {
        // Parsed as the body of a function, as it will run, so that a top-level `return` parses.
        String head = "(function (exports, require, module) {";
        List<Boolean> failed = new ArrayList<>(List.of(false));
        CompilationUnitTree unit;
        try {
            unit = parser.parse("package.js", head + source + Sandbox.MODULE_TAIL, diagnostic -> {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    failed.set(0, true);
                }
            });
        } catch (RuntimeException | StackOverflowError unparsable) {
            return null;
        }
        if (unit == null || failed.get(0)) {
            return null;
        }
        var scan = new Scan(source, head.length());
        try {
            unit.accept(scan, null);
        } catch (StackOverflowError tooDeep) {
            return null;
        }
        return scan.unsure ? null : new Result(scan.apply(), scan.imports);
    }

    record Result(String code, List<String> imports) {}

    /** An insertion: closing braces go before openings at the same offset. */
    private record Insert(int at, int order, int sequence, String text) {}

    private static final class Scan extends SimpleTreeVisitorES5_1<Void, Void> {

        private final String source;
        private final int shift;
        private final List<Insert> inserts = new ArrayList<>();
        final List<String> imports = new ArrayList<>();
        boolean unsure;
        private boolean insideWrapper;

        Scan(String source, int shift) {
            this.source = source;
            this.shift = shift;
        }

        private int offset(long position) {
            return (int) position - shift;
        }

        private void insert(int at, boolean closing, String text) {
            if (at < 0 || at > source.length()) {
                unsure = true;
                return;
            }
            inserts.add(new Insert(at, closing ? 0 : 1, inserts.size(), text));
        }

        /**
         * Puts the text first in the block: after its directives, else right after its brace (a statement's start
         * position is not always its first token: a for statement's can be its initializer's).
         */
        private void prepend(BlockTree block, String text, boolean skipDirectives) {
            StatementTree lastDirective = null;
            for (StatementTree statement : block.getStatements()) {
                if (!skipDirectives || !isDirective(statement)) {
                    break;
                }
                lastDirective = statement;
            }
            if (lastDirective != null) {
                insert(end(lastDirective), false, text);
                return;
            }
            int open = offset(block.getStartPosition());
            if (open < 0 || open >= source.length() || source.charAt(open) != '{') {
                unsure = true;
                return;
            }
            insert(open + 1, false, text);
        }

        /** Where a statement ends, with its semicolon: the parser's end leaves it out. */
        private int end(StatementTree statement) {
            int at = offset(statement.getEndPosition());
            int next = at;
            while (next < source.length() && (source.charAt(next) == ' ' || source.charAt(next) == '\t')) {
                next++;
            }
            return next < source.length() && source.charAt(next) == ';' ? next + 1 : at;
        }

        private static boolean isDirective(StatementTree statement) {
            return statement instanceof ExpressionStatementTree expression
                    && expression.getExpression() instanceof LiteralTree literal
                    && literal.getValue() instanceof String;
        }

        /**
         * A loop body that is a block gets the check first; any other body (`for (;;) x;`) leaves the file to the
         * transpiler: wrapping it in braces needs the statement's exact extent, which the parser does not always give
         * (its end leaves out the semicolon, a `for (var …)` is wrapped in a block of its own that starts at the var).
         */
        private void loopBody(StatementTree body) {
            int start = offset(body.getStartPosition());
            if (body instanceof BlockTree block
                    && start >= 0
                    && start < source.length()
                    && source.charAt(start) == '{') {
                prepend(block, "__chk();", false);
            } else {
                unsure = true;
            }
        }

        @Override
        public Void visitFunctionDeclaration(FunctionDeclarationTree node, Void p) {
            prepend(node.getBody(), "__chk();", true);
            return super.visitFunctionDeclaration(node, p);
        }

        @Override
        public Void visitFunctionExpression(FunctionExpressionTree node, Void p) {
            if (!insideWrapper) {
                // The module wrapper of instrument(): its body is the file itself.
                insideWrapper = true;
            } else if (node.getBody() instanceof BlockTree body) {
                prepend(body, "__chk();", true);
            } else {
                unsure = true;
            }
            return super.visitFunctionExpression(node, p);
        }

        @Override
        public Void visitForLoop(ForLoopTree node, Void p) {
            loopBody(node.getStatement());
            return super.visitForLoop(node, p);
        }

        @Override
        public Void visitForInLoop(ForInLoopTree node, Void p) {
            loopBody(node.getStatement());
            return super.visitForInLoop(node, p);
        }

        @Override
        public Void visitWhileLoop(WhileLoopTree node, Void p) {
            loopBody(node.getStatement());
            return super.visitWhileLoop(node, p);
        }

        @Override
        public Void visitDoWhileLoop(DoWhileLoopTree node, Void p) {
            loopBody(node.getStatement());
            return super.visitDoWhileLoop(node, p);
        }

        @Override
        public Void visitCatch(CatchTree node, Void p) {
            if (node.getParameter() instanceof IdentifierTree name) {
                prepend(node.getBlock(), name.getName() + " = __caught(" + name.getName() + ");", false);
            } else {
                unsure = true;
            }
            return super.visitCatch(node, p);
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void p) {
            if (RESERVED.matcher(node.getName()).matches()) {
                unsure = true;
            }
            return super.visitIdentifier(node, p);
        }

        @Override
        public Void visitFunctionCall(FunctionCallTree node, Void p) {
            if (node.getFunctionSelect() instanceof IdentifierTree callee
                    && "require".equals(callee.getName())
                    && node.getArguments().size() == 1
                    && node.getArguments().get(0) instanceof LiteralTree literal
                    && literal.getValue() instanceof String specifier
                    && !imports.contains(specifier)) {
                imports.add(specifier);
            }
            return super.visitFunctionCall(node, p);
        }

        @Override
        public Void visitUnknown(Tree node, Void p) {
            unsure = true;
            return null;
        }

        String apply() {
            inserts.sort((a, b) -> a.at() != b.at()
                    ? Integer.compare(a.at(), b.at())
                    : a.order() != b.order()
                            ? Integer.compare(a.order(), b.order())
                            : Integer.compare(a.sequence(), b.sequence()));
            var out = new StringBuilder(source.length() + inserts.size() * 9);
            int at = 0;
            for (Insert insert : inserts) {
                out.append(source, at, insert.at()).append(insert.text());
                at = insert.at();
            }
            return out.append(source, at, source.length()).toString();
        }
    }
}
