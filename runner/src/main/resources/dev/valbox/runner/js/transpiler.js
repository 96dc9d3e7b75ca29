// The compile op: TypeScript or modern JS with ES module syntax -> ES5 CommonJS that Nashorn runs, with
// deadline checks and error hygiene injected (see PROTOCOL.md, "What compiled code looks like").
(function (global) {
    'use strict';
    var ts = global.ts;
    var RESERVED = ['__chk', '__caught'];
    var options = {
        target: ts.ScriptTarget.ES5,
        module: ts.ModuleKind.CommonJS,
        downlevelIteration: true,
        noEmitHelpers: true,
        importHelpers: false,
        newLine: ts.NewLineKind.LineFeed,
        isolatedModules: true
    };

    function isLoop(node) {
        return ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)
            || ts.isWhileStatement(node) || ts.isDoStatement(node);
    }

    /** A `before` transformer: __chk() first in every function body and loop body; __caught in every catch. */
    function instrument(reserved) {
        return function (context) {
            var f = context.factory;
            function chk() {
                return f.createExpressionStatement(f.createCallExpression(f.createIdentifier('__chk'), undefined, []));
            }
            function caught(expression) {
                return f.createCallExpression(f.createIdentifier('__caught'), undefined, [expression]);
            }
            function prepend(block, statements) {
                var body = block.statements, i = 0;
                while (i < body.length && ts.isPrologueDirective(body[i])) i++;
                return f.updateBlock(block, body.slice(0, i).concat(statements, body.slice(i)));
            }
            function checkedBody(body) {
                if (ts.isBlock(body)) return prepend(ts.visitEachChild(body, visit, context), [chk()]);
                if (ts.isStatement(body)) return f.createBlock([chk(), ts.visitNode(body, visit)], true);
                return f.createBlock([chk(), f.createReturnStatement(ts.visitNode(body, visit))], true);
            }
            function visit(node) {
                if (ts.isIdentifier(node) && RESERVED.indexOf(ts.idText(node)) !== -1) {
                    reserved.push(node);
                }
                if ((ts.isFunctionLike(node) && node.body) || isLoop(node)) {
                    var body = isLoop(node) ? node.statement : node.body;
                    return ts.visitEachChild(node, function (child) {
                        return child === body ? checkedBody(child) : visit(child);
                    }, context);
                }
                if (ts.isCatchClause(node) && node.variableDeclaration) {
                    // catch (e) { ... }  ->  catch (caught_1) { let e = __caught(caught_1); ... }
                    // A fresh binding rather than an assignment, so that the generator lowering of async
                    // functions still resolves every use of the user's name.
                    var clause = ts.visitEachChild(node, visit, context);
                    var temp = f.createUniqueName('caught');
                    var binding = f.createVariableStatement(undefined, f.createVariableDeclarationList(
                        [f.createVariableDeclaration(clause.variableDeclaration.name, undefined, undefined, caught(temp))],
                        ts.NodeFlags.Let));
                    return f.updateCatchClause(clause, f.createVariableDeclaration(temp), prepend(clause.block, [binding]));
                }
                return ts.visitEachChild(node, visit, context);
            }
            return function (sourceFile) {
                reserved.file = sourceFile;
                return ts.visitNode(sourceFile, visit);
            };
        };
    }

    // Regexp literals Nashorn's parser refuses (lookbehind, named groups, the d/s/u/y flags: one of them anywhere
    // made the whole module fail to load) become `new RegExp(source, flags)`, which regexp.js serves. Only literals
    // that this very engine's RegExp rejects are rewritten, and only in a source that may hold one, so that the
    // common case costs one regexp test of the source and no extra pass.
    var MAYBE_EXTENDED = /\(\?<|\/[dgimsuy]*[dsuy][dgimsuy]*(?![\w$])/;
    function nashornParses(pattern, flags) {
        try {
            new RegExp(pattern, flags);
            return true;
        } catch (e) {
            return false;
        }
    }
    function extendedRegExps(context) {
        var f = context.factory;
        function visit(node) {
            if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
                var text = node.text, slash = text.lastIndexOf('/');
                var pattern = text.slice(1, slash), flags = text.slice(slash + 1);
                if (nashornParses(pattern, flags)) return node;
                return ts.setTextRange(f.createNewExpression(f.createIdentifier('RegExp'), undefined,
                    [f.createStringLiteral(pattern), f.createStringLiteral(flags)]), node);
            }
            return ts.visitEachChild(node, visit, context);
        }
        return function (sourceFile) {
            return MAYBE_EXTENDED.test(sourceFile.text) ? ts.visitNode(sourceFile, visit) : sourceFile;
        };
    }

    function position(file, start) {
        if (!file || start === undefined) return { line: 1, column: 1 };
        var lc = ts.getLineAndCharacterOfPosition(file, start);
        return { line: lc.line + 1, column: lc.character + 1 };
    }

    function compile(source) {
        var reserved = [];
        var output = ts.transpileModule(source, {
            compilerOptions: options,
            fileName: 'val.ts',
            reportDiagnostics: true,
            transformers: { before: [extendedRegExps, instrument(reserved)] }
        });
        var diagnostics = (output.diagnostics || []).map(function (d) {
            var at = position(d.file, d.start);
            return {
                message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
                line: at.line,
                column: at.column,
                error: d.category === ts.DiagnosticCategory.Error
            };
        });
        reserved.forEach(function (node) {
            var at = position(reserved.file, ts.skipTrivia(reserved.file.text, node.pos));
            diagnostics.push({ message: '"' + ts.idText(node) + '" is reserved by the val runtime', line: at.line, column: at.column, error: true });
        });
        var seen = {};
        var imports = ts.preProcessFile(source, true, true).importedFiles
            .map(function (ref) { return ref.fileName; })
            .filter(function (name) { return seen.hasOwnProperty(name) ? false : (seen[name] = true); });
        var ok = !diagnostics.some(function (d) { return d.error; });
        return JSON.stringify({
            ok: ok,
            code: ok ? output.outputText : '',
            imports: imports,
            diagnostics: diagnostics.map(function (d) { return { message: d.message, line: d.line, column: d.column }; })
        });
    }

    var handle = { compile: compile, version: ts.version };
    global.__lockdown([
        'Array', 'ArrayBuffer', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'Float32Array',
        'Float64Array', 'Infinity', 'Int16Array', 'Int32Array', 'Int8Array', 'JSON', 'Map', 'Math', 'NaN',
        'Number', 'Object', 'RangeError', 'ReferenceError', 'RegExp', 'Set', 'String', 'Symbol',
        'SyntaxError', 'TypeError', 'URIError', 'Uint16Array', 'Uint32Array', 'Uint8Array',
        'Uint8ClampedArray', 'WeakMap', 'WeakSet', 'decodeURI', 'decodeURIComponent', 'encodeURI',
        'encodeURIComponent', 'escape', 'globalThis', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
        'undefined', 'unescape', '__chk', '__DIR__', '__FILE__', '__LINE__', 'arguments',
        // typescript.js's own globals
        'ts', '__assign', '__extends', '__generator', '__makeTemplateObject', '__rest', '__spreadArray', 'debugObjectHost'
    ]);
    return handle;
})(this);
