package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regular expressions beyond Nashorn's engine (regexp.js, RegExpEngine, JsPattern, the transpiler's literal
 * rewrite). Each case is a function whose JSON.stringify'd result Deno 2.9 gave for the same code.
 */
class RegExpTest {

    private final Vals vals = new Vals();

    private Map<String, Object> run(String function) {
        return vals.call("const f = " + function + ";\nexport default () => JSON.stringify(f());");
    }

    private void assertAsDeno(String function, String denoJson) {
        Map<String, Object> result = run(function);
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        assertEquals(denoJson, result.get("value"));
    }

    @Test
    void lookbehindMatchesOnlyWhereItsContextIsOrIsNot() {
        assertAsDeno(
                "() => [\"$10 €20 $30\".match(/(?<=\\$)\\d+/g), \"price: 5 USD\".replace(/(?<!\\d)\\s/g, \"_\")]",
                "[[\"10\",\"30\"],\"price:_5 USD\"]");
    }

    @Test
    void namedGroupsFillMatchGroups() {
        assertAsDeno(
                "() => { const m = /(?<year>\\d{4})-(?<month>\\d{2})/.exec(\"on 2024-05-17\")!; return [m.index, m.groups!.year, m.groups!.month, {...m.groups}, m.length]; }",
                "[3,\"2024\",\"05\",{\"year\":\"2024\",\"month\":\"05\"},3]");
    }

    @Test
    void namedBackreferencesMatchWhatTheGroupMatched() {
        assertAsDeno(
                "() => [/(?<q>['\"]).*?\\k<q>/.exec(`say \"hi\" 'x'`)![0], /(?<a>.)\\k<a>/.test(\"xy\")]",
                "[\"\\\"hi\\\"\",false]");
    }

    @Test
    void replaceSubstitutesNamedGroupsAndPassesGroupsToAReplacer() {
        assertAsDeno(
                "() => [\"2024-05-17\".replace(/(?<y>\\d+)-(?<m>\\d+)-(?<d>\\d+)/, \"$<d>/$<m>/$<y> $1 $$ $& $<nope>|\"), \"a1b2\".replace(/(?<n>\\d)/g, (...args: any[]) => JSON.stringify(args))]",
                "[\"17/05/2024 2024 $ 2024-05-17 |\",\"a[\\\"1\\\",\\\"1\\\",1,\\\"a1b2\\\",{\\\"n\\\":\\\"1\\\"}]b[\\\"2\\\",\\\"2\\\",3,\\\"a1b2\\\",{\\\"n\\\":\\\"2\\\"}]\"]");
    }

    @Test
    void theDotAllFlagLetsTheDotMatchNewlines() {
        assertAsDeno(
                "() => { const r = /a.b/s; return [r.test(\"a\\nb\"), /a.b/.test(\"a\\nb\"), r.dotAll, r.flags, r.source, String(r)]; }",
                "[true,false,true,\"s\",\"a.b\",\"/a.b/s\"]");
    }

    @Test
    void aStickyRegExpMatchesOnlyAtLastIndex() {
        assertAsDeno(
                "() => { const r = /\\d+/y; const out: unknown[] = []; r.lastIndex = 2; out.push(r.exec(\"ab12cd\")?.[0], r.lastIndex); out.push(r.exec(\"ab12cd\"), r.lastIndex); r.lastIndex = 0; out.push(r.test(\"ab12\"), r.sticky, r.flags); return out; }",
                "[\"12\",4,null,0,false,true,\"y\"]");
    }

    @Test
    void aStickyRegExpTokenizesAString() {
        assertAsDeno(
                "() => { const re = /\\s*(\\d+|[+*()])/y; const s = \"1 + 22*(3)\"; const t: string[] = []; let m; while ((m = re.exec(s))) t.push(m[1]); return [t, re.lastIndex]; }",
                "[[\"1\",\"+\",\"22\",\"*\",\"(\",\"3\",\")\"],0]");
    }

    @Test
    void unicodePropertyEscapesMatchCategoriesAndScripts() {
        assertAsDeno(
                "() => [/^\\p{L}+$/u.test(\"héllo\"), /^\\p{Lu}/u.test(\"Édith\"), /\\p{Script=Greek}/u.test(\"αβγ\"), /\\p{Script=Greek}/u.test(\"abc\"), \"a1-β_Ж\".match(/\\p{Letter}/gu), /^\\P{L}+$/u.test(\"123\"), /[\\p{N}\\p{Zs}]+/u.exec(\"ab 12 c\")![0], /\\p{sc=Cyrillic}/u.test(\"Ж\"), /\\p{gc=Nd}/u.test(\"٣\")]",
                "[true,true,true,false,[\"a\",\"β\",\"Ж\"],true,\" 12 \",true,true]");
    }

    @Test
    void theUnicodeFlagMatchesCodePoints() {
        assertAsDeno(
                "() => [/\\u{1F600}/u.test(\"😀\"), /^.$/u.test(\"😀\"), /^.$/.test(\"😀\"), \"😀x\".match(/./gu), /[\\u{1F600}-\\u{1F64F}]/u.test(\"🙂\"), /\\u{61}/u.test(\"a\")]",
                "[true,true,false,[\"😀\",\"x\"],true,true]");
    }

    @Test
    void theIndicesFlagGivesStartAndEndOfEachGroup() {
        assertAsDeno(
                "() => { const m = /(?<w>b+)(x)?/d.exec(\"aabbc\")!; return [m.indices, m.indices!.groups, /a/d.hasIndices, /a/d.flags]; }",
                "[[[2,4],[2,4],null],{\"w\":[2,4]},true,\"d\"]");
    }

    @Test
    void flagsAndFlagPropertiesDescribeEveryRegExp() {
        assertAsDeno(
                "() => [/a/gimsuy.flags, /a/g.flags, /a/.unicode, /a/u.unicode, new RegExp(\"a\", \"gu\").flags, new RegExp(\"(?<=a)b\", \"g\").global, /a/g.sticky, /a/gi.flags]",
                "[\"gimsuy\",\"g\",false,true,\"gu\",true,false,\"gi\"]");
    }

    @Test
    void theRegExpConstructorAcceptsExtendedPatternsAtRunTime() {
        assertAsDeno(
                "() => [new RegExp(\"(?<=a)b\").exec(\"ab\")![0], new RegExp(\"(?<x>\\\\d)\", \"g\").source, RegExp(\"a\", \"s\") instanceof RegExp, new RegExp(/(?<x>a)/s, \"g\").flags, new RegExp(new RegExp(\"a\", \"y\")).sticky, String(new RegExp(\"a/b\", \"u\"))]",
                "[\"b\",\"(?<x>\\\\d)\",true,\"g\",true,\"/a\\\\/b/u\"]");
    }

    @Test
    void splitAndSearchWorkWithExtendedRegExps() {
        assertAsDeno(
                "() => [\"a1b22c\".split(/(?<=\\d)(?=\\D)/), \"a, b;c\".split(/(?<sep>[,;])\\s*/), \"x\".split(/(?<e>)/u), \"\".split(/(?<a>x)/), \"abc\".search(/(?<=b)c/), \"abc\".search(/(?<=z)c/), \"a-b-c\".split(/(?<d>-)/, 2)]",
                "[[\"a1\",\"b22\",\"c\"],[\"a\",\",\",\"b\",\";\",\"c\"],[\"x\"],[\"\"],2,-1,[\"a\",\"-\"]]");
    }

    @Test
    void matchAllIteratesExtendedMatches() {
        assertAsDeno(
                "() => [...`k1=v1;k2=v2`.matchAll(/(?<k>\\w+)=(?<v>\\w+)/g)].map(m => [m.index, m.groups!.k, m.groups!.v])",
                "[[0,\"k1\",\"v1\"],[6,\"k2\",\"v2\"]]");
    }

    @Test
    void matchAllIteratesPlainMatches() {
        assertAsDeno("() => [...\"a1b2\".matchAll(/\\d/g)].map(m => m[0] + m.index)", "[\"11\",\"23\"]");
    }

    @Test
    void emptyMatchesAdvanceByCodeUnitOrCodePoint() {
        assertAsDeno(
                "() => [\"a😀b\".match(/(?:)/gu)?.length, \"a😀b\".match(/(?<=)/g)?.length, \"aaa\".replace(/(?<x>a*?)/g, \"-\")]",
                "[4,5,\"-a-a-a-\"]");
    }

    @Test
    void replaceAllTakesAGlobalExtendedRegExp() {
        assertAsDeno("() => [\"a.b.c\".replaceAll(/(?<d>\\.)/g, \"[$<d>]\")]", "[\"a[.]b[.]c\"]");
    }

    @Test
    void aGlobalRegExpAdvancesAndResetsLastIndex() {
        assertAsDeno(
                "() => { const r = /(?<d>\\d)/g; const s = \"1a2\"; const a = [r.exec(s)!.index, r.lastIndex, r.exec(s)!.index, r.lastIndex, r.exec(s), r.lastIndex]; return a; }",
                "[0,1,2,3,null,0]");
    }

    @Test
    void anchorsMeanWhatTheyMeanInJavaScript() {
        assertAsDeno(
                "() => [/^b$/m.test(\"a\\nb\\n\"), /b$/s.test(\"ab\\n\"), /^(?<x>b)$/.test(\"b\\n\"), /a$/su.test(\"a\\r\"), /(?<x>^b)/m.exec(\"a\\r\\nb\")!.index]",
                "[true,false,false,false,3]");
    }

    @Test
    void wordDigitBoundaryAndSpaceClassesAreJavaScripts() {
        assertAsDeno(
                "() => [/\\w+/u.exec(\"héllo\")![0], /\\d+/u.exec(\"٣12\")![0], /\\bé/u.test(\"é\"), /\\s+/s.exec(\"a\\u00a0\\u2003b\")![0].length, /[^\\s]+/s.exec(\"  xy \")![0]]",
                "[\"h\",\"12\",false,2,\"xy\"]");
    }

    @Test
    void ignoreCaseFollowsSimpleCaseFolding() {
        assertAsDeno(
                "() => [/(?<x>straße)/iu.test(\"STRASSE\"), /(?<x>é)/i.test(\"É\"), /\\p{Lu}/iu.test(\"a\"), /[a-z]+/iu.exec(\"ABC\")![0]]",
                "[false,true,true,\"ABC\"]");
    }

    @Test
    void characterClassesAreParsedAsJavaScriptDoes() {
        assertAsDeno(
                "() => [/[^]/s.test(\"\\n\"), /[]/s.test(\"a\"), /[&&]/s.test(\"&\"), /[a[]+/s.exec(\"[a[\")![0], /[\\w-]+/s.exec(\"a-b c\")![0], /[-\\d]+/s.exec(\"x-1-2\")![0]]",
                "[true,false,true,\"[a[\",\"a-b\",\"-1-2\"]");
    }

    @Test
    void backreferencesMatchAsInJavaScript() {
        assertAsDeno(
                "() => [/(a)\\1/s.test(\"aa\"), /(?<x>a)\\k<x>/.test(\"aa\"), /(?<x>[ab])\\1\\k<x>/u.exec(\"xbbb\")?.index, /(a)\\10/s.exec(\"aa0\")?.[0], /\\2(a)(b)/s.exec(\"ab\")?.[0]]",
                "[true,true,1,null,\"ab\"]");
    }

    @Test
    void invalidPatternsThrowSyntaxErrors() {
        assertAsDeno(
                "() => [\"(?<a>x)(?<a>y)\", \"\\\\p{Nope}\", \"a**\", \"(?<=a\"].map(p => { try { new RegExp(p, \"u\"); return \"ok\"; } catch (e) { return (e as Error).name; } })",
                "[\"SyntaxError\",\"SyntaxError\",\"SyntaxError\",\"SyntaxError\"]");
    }

    @Test
    void invalidFlagsThrowV8sSyntaxError() {
        assertAsDeno(
                "() => { try { new RegExp(\"a\", \"gg\"); return \"ok\"; } catch (e) { return [(e as Error).name, (e as Error).message]; } }",
                "[\"SyntaxError\",\"Invalid flags supplied to RegExp constructor 'gg'\"]");
    }

    @Test
    void anExtendedLiteralOnAnUnusedPathNoLongerBreaksTheModule() {
        assertAsDeno(
                "() => { function never() { return /(?<=x)y/u.test(\"xy\"); } return typeof never; }", "\"function\"");
    }

    @Test
    void aUnicodePropertyJava17LacksThrowsASyntaxErrorNamingIt() {
        // Deno answers true: Emoji, Extended_Pictographic and the other emoji properties need Java 21.
        Map<String, Object> result = run(
                "() => { try { return new RegExp('\\\\p{Emoji}', 'u').test('x'); } catch (e) { return [e.name, e.message]; } }");
        assertEquals(
                "[\"SyntaxError\",\"Invalid regular expression: /\\\\p{Emoji}/u: the Unicode property \\\\p{Emoji} is"
                        + " not supported by this runtime (Java 17)\"]",
                result.get("value"));
    }

    @Test
    void aBacktrackingExtendedRegExpEndsWithTheRunsLimit() {
        // Nashorn's own engine cannot be stopped (PROTOCOL.md); java.util.regex reads its input through the budget.
        String source = "export default () => /^(?<a>a+)+\\k<a>?$/.test('a'.repeat(40) + '!')";
        Map<String, Object> result = vals.run(
                List.of(Vals.module(Vals.keyOf(source), source, Map.of())), Map.of("kind", "function"), Map.of(), 1000);
        assertTrue(List.of("timeout", "limit").contains(result.get("status")), result::toString);
    }

    @Test
    void plainRegExpsStayNashornsOwn() {
        assertAsDeno(
                "() => { const a = /a(b)/g, b = new RegExp('x', 'i'); return [a.constructor === RegExp,"
                        + " b instanceof RegExp, 'xaby'.replace(a, '[$1]'), a.flags, b.sticky, RegExp('q').source,"
                        + " 'a,b'.split(','), 'a1'.search(/\\d/)]; }",
                "[true,true,\"x[b]y\",\"g\",false,\"q\",[\"a\",\"b\"],1]");
    }
}
