// The compile op: TypeScript or modern JS with ES module syntax -> ES5 CommonJS that Nashorn runs, with
// deadline checks and error hygiene injected (see PROTOCOL.md, "What compiled code looks like").
(function (global) {
    'use strict';
    var ts = global.ts;
    var RESERVED = ['__chk', '__caught', '__importMeta', '__bigint'];
    var options = {
        target: ts.ScriptTarget.ES5,
        module: ts.ModuleKind.CommonJS,
        downlevelIteration: true,
        noEmitHelpers: true,
        importHelpers: false,
        newLine: ts.NewLineKind.LineFeed,
        isolatedModules: true,
        // A default import of CommonJS (an npm package) gets module.exports, named imports its properties, as
        // in Node and Deno; ES modules (vals, lowered packages) mark __esModule and are imported as they are.
        esModuleInterop: true,
        // Vals are TSX in Val Town. Without a pragma JSX is React.createElement, as in Deno; a
        // `/** @jsxImportSource X */` pragma switches to the automatic runtime (`X/jsx-runtime`), a
        // `/** @jsx h */` pragma to the val's own factory.
        jsx: ts.JsxEmit.React,
        // Only for the line table and the positions of engine syntax errors (see moduleTrailer).
        sourceMap: true
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
                if (ts.isMetaProperty(node)) return importMeta(context, node);
                if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
                    return dynamicImport(context, ts.visitEachChild(node, visit, context));
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

    // BigInt (bigint.js): in a module that mentions it (a 123n literal or the name BigInt), literals become values
    // made once per module, and every arithmetic, comparison and bitwise operator, ++/--, unary -/+/~ and typeof
    // becomes a call of the operators __bigint() hands out, which do the native operation first when both sides are
    // numbers. Other modules are left as they are: the text test below is all they pay.
    var MAYBE_BIGINT = /\bBigInt\b|\b(?:0[xXoObB][0-9a-fA-F_]+|[0-9][0-9_]*)n\b/;
    var K = ts.SyntaxKind;
    var BINARY = {}, COMPOUND = {};
    [[K.PlusToken, K.PlusEqualsToken, 'add'], [K.MinusToken, K.MinusEqualsToken, 'sub'],
        [K.AsteriskToken, K.AsteriskEqualsToken, 'mul'], [K.SlashToken, K.SlashEqualsToken, 'div'],
        [K.PercentToken, K.PercentEqualsToken, 'mod'], [K.AsteriskAsteriskToken, K.AsteriskAsteriskEqualsToken, 'pow'],
        [K.AmpersandToken, K.AmpersandEqualsToken, 'and'], [K.BarToken, K.BarEqualsToken, 'or'],
        [K.CaretToken, K.CaretEqualsToken, 'xor'], [K.LessThanLessThanToken, K.LessThanLessThanEqualsToken, 'shl'],
        [K.GreaterThanGreaterThanToken, K.GreaterThanGreaterThanEqualsToken, 'shr'],
        [K.GreaterThanGreaterThanGreaterThanToken, K.GreaterThanGreaterThanGreaterThanEqualsToken, 'ushr'],
        [K.LessThanToken, null, 'lt'], [K.LessThanEqualsToken, null, 'le'], [K.GreaterThanToken, null, 'gt'],
        [K.GreaterThanEqualsToken, null, 'ge'], [K.EqualsEqualsToken, null, 'eq'],
        [K.ExclamationEqualsToken, null, 'ne'], [K.EqualsEqualsEqualsToken, null, 'seq'],
        [K.ExclamationEqualsEqualsToken, null, 'sne']
    ].forEach(function (entry) {
        BINARY[entry[0]] = entry[2];
        if (entry[1] !== null) COMPOUND[entry[1]] = entry[2];
    });
    function mentionsBigInt(node) {
        if (node.kind === K.BigIntLiteral || (ts.isIdentifier(node) && ts.idText(node) === 'BigInt')) return true;
        return ts.forEachChild(node, mentionsBigInt) || false;
    }
    function bigIntOperators(context) {
        var f = context.factory;
        return function (sourceFile) {
            if (!MAYBE_BIGINT.test(sourceFile.text) || !mentionsBigInt(sourceFile)) return sourceFile;
            var operators = f.createUniqueName('bigint');
            var declarations = [f.createVariableDeclaration(operators, undefined, undefined,
                f.createCallExpression(f.createIdentifier('__bigint'), undefined, []))];
            function op(name, args) {
                return f.createCallExpression(f.createPropertyAccessExpression(operators, name), undefined, args);
            }
            function temp() {
                var name = f.createTempVariable(undefined);
                context.hoistVariableDeclaration(name);
                return name;
            }
            function simple(node) {
                return ts.isIdentifier(node) || node.kind === K.ThisKeyword || ts.isLiteralExpression(node);
            }
            // A target read and written once each: o.p and o[k] get temporaries unless o and k are plain names.
            function reference(target) {
                var setup = [], object, read, write;
                if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
                    object = ts.visitNode(target.expression, visit);
                    if (!simple(object)) {
                        var o = temp();
                        setup.push(f.createAssignment(o, object));
                        object = o;
                    }
                    if (ts.isPropertyAccessExpression(target)) {
                        read = function () { return f.createPropertyAccessExpression(object, target.name); };
                    } else {
                        var key = ts.visitNode(target.argumentExpression, visit);
                        if (!simple(key)) {
                            var k = temp();
                            setup.push(f.createAssignment(k, key));
                            key = k;
                        }
                        read = function () { return f.createElementAccessExpression(object, key); };
                    }
                } else {
                    read = function () { return target; };
                }
                write = function (value) { return f.createAssignment(read(), value); };
                return { setup: setup, read: read, write: write };
            }
            function sequence(expressions) {
                return expressions.length === 1 ? expressions[0] : f.createParenthesizedExpression(f.createCommaListExpression(expressions));
            }
            function assignable(node) {
                return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node);
            }
            // x++ whose value nobody reads (a statement, a for loop's step) is x = inc(x): no temporary.
            function unused(expression) {
                if (ts.isPostfixUnaryExpression(expression) && assignable(expression.operand)) {
                    var ref = reference(expression.operand);
                    var step = op(expression.operator === K.PlusPlusToken ? 'inc' : 'dec', [ref.read()]);
                    return ts.setTextRange(sequence(ref.setup.concat([ref.write(step)])), expression);
                }
                return ts.visitNode(expression, visit);
            }
            function visit(node) {
                if (ts.isTypeNode(node)) return node;
                if (node.kind === K.BigIntLiteral) {
                    var name = f.createUniqueName('n');
                    declarations.push(f.createVariableDeclaration(name, undefined, undefined,
                        op('lit', [f.createStringLiteral(node.text.slice(0, -1).replace(/_/g, ''))])));
                    return name;
                }
                if (ts.isBinaryExpression(node)) {
                    var kind = node.operatorToken.kind;
                    if (BINARY[kind]) {
                        return ts.setTextRange(op(BINARY[kind], [ts.visitNode(node.left, visit), ts.visitNode(node.right, visit)]), node);
                    }
                    if (COMPOUND[kind] && assignable(node.left)) {
                        var ref = reference(node.left);
                        var value = op(COMPOUND[kind], [ref.read(), ts.visitNode(node.right, visit)]);
                        return ts.setTextRange(sequence(ref.setup.concat([ref.write(value)])), node);
                    }
                }
                if (ts.isPrefixUnaryExpression(node)) {
                    var unary;
                    if (node.operator === K.MinusToken) unary = 'neg';
                    else if (node.operator === K.PlusToken) unary = 'plus';
                    else if (node.operator === K.TildeToken) unary = 'not';
                    else unary = undefined;
                    if (unary) return ts.setTextRange(op(unary, [ts.visitNode(node.operand, visit)]), node);
                    if ((node.operator === K.PlusPlusToken || node.operator === K.MinusMinusToken) && assignable(node.operand)) {
                        var pre = reference(node.operand);
                        var step = op(node.operator === K.PlusPlusToken ? 'inc' : 'dec', [pre.read()]);
                        return ts.setTextRange(sequence(pre.setup.concat([pre.write(step)])), node);
                    }
                }
                if (ts.isExpressionStatement(node)) {
                    return f.updateExpressionStatement(node, unused(node.expression));
                }
                if (ts.isForStatement(node) && node.incrementor) {
                    return f.updateForStatement(node, ts.visitNode(node.initializer, visit), ts.visitNode(node.condition, visit),
                        unused(node.incrementor), ts.visitNode(node.statement, visit));
                }
                if (ts.isPostfixUnaryExpression(node) && assignable(node.operand)) {
                    var post = reference(node.operand);
                    var old = temp();
                    return ts.setTextRange(sequence(post.setup.concat([
                        f.createAssignment(old, op('numeric', [post.read()])),
                        post.write(op(node.operator === K.PlusPlusToken ? 'inc' : 'dec', [old])),
                        old
                    ])), node);
                }
                if (ts.isTypeOfExpression(node)) {
                    var operand = ts.visitNode(node.expression, visit);
                    if (ts.isIdentifier(operand)) {
                        // typeof of an undeclared name must stay "undefined", not throw: test it natively first.
                        return ts.setTextRange(f.createConditionalExpression(
                            f.createStrictEquality(f.createTypeOfExpression(operand), f.createStringLiteral('object')),
                            undefined, op('typeOf', [operand]), undefined, f.createTypeOfExpression(operand)), node);
                    }
                    return ts.setTextRange(op('typeOf', [operand]), node);
                }
                return ts.visitEachChild(node, visit, context);
            }
            var visited = ts.visitEachChild(sourceFile, visit, context);
            var statements = visited.statements, i = 0;
            while (i < statements.length && ts.isPrologueDirective(statements[i])) i++;
            var head = f.createVariableStatement(undefined, f.createVariableDeclarationList(declarations));
            return f.updateSourceFile(visited, statements.slice(0, i).concat([head], statements.slice(i)));
        };
    }

    function position(file, start) {
        if (!file || start === undefined) return { line: 1, column: 1 };
        var lc = ts.getLineAndCharacterOfPosition(file, start);
        return { line: lc.line + 1, column: lc.character + 1 };
    }

    // --- import.meta -------------------------------------------------------------------------------------
    // TypeScript leaves `import.meta` as it is in CommonJS output, and Nashorn cannot parse it. It becomes the
    // module wrapper's parameter __importMeta, which the runtime fills per module (url, main, resolve).
    function importMeta(context, node) {
        if (node.keywordToken !== ts.SyntaxKind.ImportKeyword) return ts.visitEachChild(node, function (n) { return n; }, context);
        return ts.setTextRange(context.factory.createIdentifier('__importMeta'), node);
    }

    // `import(x)` becomes `__importMeta.import(x)`: the runtime evaluates the module as a static import would
    // be (waiting for its top-level await) before the promise resolves to its namespace.
    function dynamicImport(context, node) {
        var f = context.factory;
        var callee = f.createPropertyAccessExpression(f.createIdentifier('__importMeta'), 'import');
        return ts.setTextRange(f.createCallExpression(callee, undefined, node.arguments.slice(0, 1)), node);
    }

    // --- Top-level await -----------------------------------------------------------------------------------
    // A module whose top level awaits becomes, before TypeScript's own transforms run (so that the async
    // function is lowered like any other):
    //     <imports, re-exports, function declarations, types: unchanged>
    //     [export] let <every name its top-level variables and classes declare>;
    //     return (async () => { <the other statements, declarations turned into assignments> })();
    // The factory's promise tells the runtime to hold its importers until the module settled (runtime.js,
    // "Module graphs with top-level await"). `export default <expr>` assigns exports.default.
    function awaitsAtTopLevel(node) {
        return ts.forEachChild(node, function visit(child) {
            if (ts.isAwaitExpression(child) || (ts.isForOfStatement(child) && child.awaitModifier)) return true;
            if (ts.isFunctionLike(child) || ts.isClassStaticBlockDeclaration(child)) return false;
            return ts.forEachChild(child, visit);
        });
    }

    function hasModifier(node, kind) {
        return !!node.modifiers && node.modifiers.some(function (m) { return m.kind === kind; });
    }

    function bindingNames(name, into) {
        if (ts.isIdentifier(name)) {
            into.push(name);
        } else {
            name.elements.forEach(function (element) {
                if (!ts.isOmittedExpression(element)) bindingNames(element.name, into);
            });
        }
        return into;
    }

    /** Static import specifiers in order: the modules the runtime evaluates before this one. */
    function staticImports(file) {
        var deps = [];
        file.statements.forEach(function (s) {
            var spec;
            if (ts.isImportDeclaration(s) && !(s.importClause && s.importClause.isTypeOnly)) spec = s.moduleSpecifier;
            if (ts.isExportDeclaration(s) && !s.isTypeOnly) spec = s.moduleSpecifier;
            if (spec && ts.isStringLiteral(spec) && deps.indexOf(spec.text) === -1) deps.push(spec.text);
        });
        return deps;
    }

    function topLevelAwait(state) {
        return function (context) {
            var f = context.factory;
            function assign(target, value) {
                var left = ts.isBindingPattern(target) ? f.converters.convertToAssignmentPattern(target) : target;
                return f.createExpressionStatement(f.createAssignment(left, value));
            }
            function hoisted(names, exported) {
                return f.createVariableStatement(
                    exported ? [f.createModifier(ts.SyntaxKind.ExportKeyword)] : undefined,
                    f.createVariableDeclarationList(names.map(function (n) {
                        return f.createVariableDeclaration(f.createIdentifier(ts.idText(n)));
                    }), ts.NodeFlags.Let));
            }
            function split(statement, outer, inner) {
                if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)
                    || ts.isExportDeclaration(statement) || ts.isFunctionDeclaration(statement)
                    || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)
                    || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)
                    || (ts.isExportAssignment(statement) && statement.isExportEquals)
                    || hasModifier(statement, ts.SyntaxKind.DeclareKeyword)) {
                    outer.push(statement);
                } else if (ts.isExportAssignment(statement)) {
                    inner.push(ts.setTextRange(assign(
                        f.createPropertyAccessExpression(f.createIdentifier('exports'), 'default'), statement.expression), statement));
                } else if (ts.isVariableStatement(statement)) {
                    var names = [];
                    statement.declarationList.declarations.forEach(function (d) {
                        bindingNames(d.name, names);
                        if (d.initializer) inner.push(ts.setTextRange(assign(d.name, d.initializer), d));
                    });
                    outer.push(hoisted(names, hasModifier(statement, ts.SyntaxKind.ExportKeyword)));
                } else if (ts.isClassDeclaration(statement)) {
                    var exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
                    var isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
                    var decorators = (statement.modifiers || []).filter(ts.isDecorator);
                    var expression = ts.setTextRange(f.createClassExpression(decorators, statement.name,
                        statement.typeParameters, statement.heritageClauses, statement.members), statement);
                    if (!statement.name) {
                        inner.push(assign(f.createPropertyAccessExpression(f.createIdentifier('exports'), 'default'), expression));
                        return;
                    }
                    // A local binding, exported by hand: TypeScript's export bookkeeping only sees declarations.
                    var local = ts.idText(statement.name);
                    outer.push(hoisted([statement.name], false));
                    inner.push(ts.setTextRange(assign(f.createIdentifier(local), expression), statement));
                    if (exported) {
                        inner.push(assign(f.createPropertyAccessExpression(f.createIdentifier('exports'),
                            isDefault ? 'default' : local), f.createIdentifier(local)));
                    }
                } else {
                    inner.push(statement);
                }
            }
            return function (file) {
                state.deps = staticImports(file);
                if (!/\bawait\b/.test(file.text) || !awaitsAtTopLevel(file)) return file;
                state.async = true;
                var outer = [], inner = [];
                file.statements.forEach(function (s) { split(s, outer, inner); });
                var body = f.createArrowFunction([f.createModifier(ts.SyntaxKind.AsyncKeyword)], undefined, [], undefined,
                    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken), f.createBlock(inner, true));
                outer.push(f.createReturnStatement(f.createCallExpression(f.createParenthesizedExpression(body), undefined, [])));
                return f.updateSourceFile(file, outer);
            };
        };
    }

    // --- Source lines --------------------------------------------------------------------------------------
    // The compiled code ends with one comment line, `//# valbox {...}`, that the worker reads when it defines
    // the module: `lines` (the source line of each compiled line, for stack traces), `async` (top-level
    // await) and `deps` (static import specifiers in order). Kept in the code so no schema has to change.
    var BASE64 = [];
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach(function (c, i) {
        BASE64[c.charCodeAt(0)] = i;
    });

    /** A source map's mappings as, per compiled line, a list of [column, sourceLine, sourceColumn] (0-based). */
    function decodeMappings(mappings) {
        var lines = [[]], values = [], shift = 0, value = 0, sourceLine = 0, sourceColumn = 0, column = 0;
        function segmentEnd() {
            if (values.length) {
                column += values[0];
                if (values.length >= 4) {
                    sourceLine += values[2];
                    sourceColumn += values[3];
                    lines[lines.length - 1].push([column, sourceLine, sourceColumn]);
                }
            }
            values = [];
        }
        for (var i = 0; i < mappings.length; i++) {
            var c = mappings.charCodeAt(i);
            if (c === 59 /* ; */) { segmentEnd(); lines.push([]); column = 0; continue; }
            if (c === 44 /* , */) { segmentEnd(); continue; }
            var digit = BASE64[c];
            value += (digit & 31) << shift;
            if (digit & 32) { shift += 5; continue; }
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
        }
        segmentEnd();
        return lines;
    }

    /** The 1-based source line of every compiled line; a line without a mapping takes its predecessor's. */
    function lineTable(segments, count) {
        var table = [], last = 1;
        for (var i = 0; i < count; i++) {
            var line = segments[i] && segments[i][0];
            if (line) last = line[1] + 1;
            table.push(last);
        }
        return table;
    }

    var lastSegments = [];

    /** The source position (1-based) of a 1-based line and 0-based column of the last compiled code. */
    function sourcePosition(line, column) {
        var segments = lastSegments[line - 1] || [], best = null;
        for (var i = 0; i < segments.length; i++) {
            if (segments[i][0] <= column || best === null) best = segments[i];
        }
        for (var back = line - 2; best === null && back >= 0; back--) {
            var before = lastSegments[back];
            if (before && before.length) best = before[before.length - 1];
        }
        return best === null ? '1:1' : (best[1] + 1) + ':' + (best[2] + 1);
    }

    // --- Compile -------------------------------------------------------------------------------------------

    function transpile(source, fileName, collect) {
        var reserved = [], state = { async: false, deps: [] };
        var before = [extendedRegExps, topLevelAwait(state), instrument(reserved), bigIntOperators];
        var output = ts.transpileModule(source, {
            compilerOptions: options,
            fileName: fileName,
            reportDiagnostics: true,
            transformers: { before: collect ? [collect].concat(before) : before }
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
        var ok = !diagnostics.some(function (d) { return d.error; });
        var code = output.outputText;
        var mapComment = code.lastIndexOf('\n//# sourceMappingURL=');
        if (mapComment >= 0) code = code.substring(0, mapComment);
        var segments = ok && output.sourceMapText ? decodeMappings(JSON.parse(output.sourceMapText).mappings) : [];
        var info = { lines: lineTable(segments, code.split('\n').length) };
        if (state.async) info.async = true;
        if (state.deps.length) info.deps = state.deps;
        var jsxRuntime = ts.getJSXRuntimeImport(ts.getJSXImplicitImportBase(options, reserved.file), options);
        return {
            ok: ok,
            code: ok ? code + '\n//# valbox ' + JSON.stringify(info) : '',
            segments: segments,
            jsxRuntime: jsxRuntime && code.indexOf('require(' + JSON.stringify(jsxRuntime) + ')') >= 0 ? jsxRuntime : null,
            diagnostics: diagnostics.map(function (d) { return { message: d.message, line: d.line, column: d.column }; })
        };
    }

    function compile(source) {
        // Deno allows a hashbang line; Nashorn does not. The line stays, as a comment, so lines keep their numbers.
        if (source.substring(0, 2) === '#!') source = '//' + source.substring(2);
        // Vals are TSX; a val that parses only as TS (`<T>expr` assertions, `<T>(x: T) => x`) compiles as TS.
        var result = transpile(source, 'val.tsx');
        if (!result.ok) {
            var asTs = transpile(source, 'val.ts');
            if (asTs.ok) result = asTs;
        }
        lastSegments = result.segments;
        var seen = {};
        var imports = ts.preProcessFile(source, true, true).importedFiles
            .map(function (ref) { return ref.fileName; })
            .concat(result.jsxRuntime ? [result.jsxRuntime] : [])
            .filter(function (name) { return seen.hasOwnProperty(name) ? false : (seen[name] = true); });
        return JSON.stringify({ ok: result.ok, code: result.code, imports: imports, diagnostics: result.diagnostics });
    }

    // --- Package files (kind "package") ---------------------------------------------------------------------
    // A file of an npm package: ES module syntax is lowered to CommonJS like a val's (but never TypeScript or
    // JSX), CommonJS stays as it is, and both get the same deadline checks and error hygiene. `imports` are what
    // the server must resolve: static imports and re-exports, and require() of a string literal, in order.

    /** A `before` transformer that only reads the untouched tree: the file's module specifiers, in order. */
    function packageImports(found) {
        function literal(node) {
            return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
        }
        function add(name) {
            if (name !== null && found.indexOf(name) === -1) found.push(name);
        }
        function visit(node) {
            if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
                add(literal(node.moduleSpecifier));
            } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)
                    && ts.idText(node.expression) === 'require' && node.arguments.length === 1) {
                add(literal(node.arguments[0]));
            }
            ts.forEachChild(node, visit);
        }
        return function () {
            return function (sourceFile) {
                ts.forEachChild(sourceFile, visit);
                return sourceFile;
            };
        };
    }

    function compilePackage(source, file) {
        if (source.substring(0, 2) === '#!') source = '//' + source.substring(2);
        var result, imports = [];
        if (/\.json$/i.test(file)) {
            result = packageJson(source);
        } else {
            // Plain JavaScript: the .js name keeps TypeScript from reading type syntax.
            result = transpile(source, 'package.js', packageImports(imports));
            lastSegments = result.segments;
        }
        return JSON.stringify({
            ok: result.ok,
            code: result.code,
            imports: result.ok ? imports : [],
            diagnostics: result.diagnostics.map(function (d) {
                return { message: file + ': ' + d.message, line: d.line, column: d.column, file: file };
            })
        });
    }

    /** A JSON file exports its value, parsed at load as require() of JSON does in Node (so `__proto__` is a key). */
    function packageJson(source) {
        try {
            JSON.parse(source);
        } catch (e) {
            return { ok: false, code: '', diagnostics: [{ message: 'Invalid JSON: ' + e.message, line: 1, column: 1 }] };
        }
        // JSON may hold U+2028/U+2029 raw; an ES5 string literal may not.
        var literal = JSON.stringify(source).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
        return { ok: true, code: 'module.exports = JSON.parse(' + literal + ');', diagnostics: [] };
    }

    var handle = { compile: compile, compilePackage: compilePackage, sourcePosition: sourcePosition, version: ts.version };
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
