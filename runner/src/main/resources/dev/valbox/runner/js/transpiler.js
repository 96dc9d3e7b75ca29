// The compile op: TypeScript or modern JS with ES module syntax -> ES5 CommonJS that Nashorn runs, with
// deadline checks and error hygiene injected (see PROTOCOL.md, "What compiled code looks like").
(function (global) {
    'use strict';
    var ts = global.ts;
    var RESERVED = ['__chk', '__caught', '__bigint'];
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

    function compile(source) {
        var reserved = [];
        var output = ts.transpileModule(source, {
            compilerOptions: options,
            fileName: 'val.ts',
            reportDiagnostics: true,
            transformers: { before: [extendedRegExps, instrument(reserved), bigIntOperators] }
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
