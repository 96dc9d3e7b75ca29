package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BigInt (bigint.js, BigIntArithmetic, the transpiler's operator rewrite in modules that mention BigInt). Each case
 * is a function whose JSON.stringify'd result Deno 2.9 gave for the same code.
 */
class BigIntTest {

    private final Vals vals = new Vals();

    private void assertAsDeno(String function, String denoJson) {
        Map<String, Object> result =
                vals.call("const f = " + function + ";\nexport default () => JSON.stringify(f());");
        assertEquals("ok", result.get("status"), () -> "run failed: " + result);
        assertEquals(denoJson, result.get("value"));
    }

    @Test
    void literalsInEveryBaseAreBigIntsAndTypeofSaysSo() {
        assertAsDeno(
                "() => [typeof 123n, typeof BigInt(5), typeof 5, typeof undeclaredName, String(0x1fn), String(0o17n), String(0b101n), String(1_000_000n), typeof (1n + 2n)]",
                "[\"bigint\",\"bigint\",\"number\",\"undefined\",\"31\",\"15\",\"5\",\"1000000\",\"bigint\"]");
    }

    @Test
    void arithmeticTruncatesAndKeepsSignsAsBigIntDoes() {
        assertAsDeno(
                "() => [String(2n + 3n), String(10n - 20n), String(6n * 7n), String(7n / 2n), String(-7n / 2n), String(-7n % 3n), String(2n ** 10n), String(-(5n)), String(9007199254740993n + 2n)]",
                "[\"5\",\"-10\",\"42\",\"3\",\"-3\",\"-1\",\"1024\",\"-5\",\"9007199254740995\"]");
    }

    @Test
    void resultsBeyondDoublesAreExact() {
        assertAsDeno(
                "() => [String(2n ** 100n), String(12345678901234567890n * 98765432109876543210n), String((2n ** 128n) / 3n), String((2n ** 70n) % 1000007n), String(-(2n ** 64n))]",
                "[\"1267650600228229401496703205376\",\"1219326311370217952237463801111263526900\",\"113427455640312821154458202477256070485\",\"866026\",\"-18446744073709551616\"]");
    }

    @Test
    void comparisonsWorkAcrossBigIntNumberAndString() {
        assertAsDeno(
                "() => [1n < 2n, 2n <= 2n, 3n > 2n, 1n >= 2n, 1n == 1, 1n === 1, 1n === 1n, 2n != 2n, 1n < 1.5, 2n > 1.5, 10n ** 20n > 1e19, 1n == \"1\", 0n == false, 5n < \"10\", 5n !== 5n, (2n ** 64n) === (2n ** 64n)]",
                "[true,true,true,false,true,false,true,false,true,true,true,true,true,true,false,true]");
    }

    @Test
    void bitwiseOperatorsAndShiftsUseTwosComplement() {
        assertAsDeno(
                "() => [String(5n & 3n), String(5n | 3n), String(5n ^ 3n), String(~5n), String(1n << 70n), String(-9n >> 1n), String((2n ** 80n) >> 75n), String(-1n & 0xffn), String(255n << -4n)]",
                "[\"1\",\"7\",\"6\",\"-6\",\"1180591620717411303424\",\"-5\",\"32\",\"255\",\"15\"]");
    }

    @Test
    void asIntNAndAsUintNWrap() {
        assertAsDeno(
                "() => [String(BigInt.asIntN(8, 255n)), String(BigInt.asUintN(8, -1n)), String(BigInt.asIntN(64, 2n ** 63n)), String(BigInt.asUintN(64, -1n))]",
                "[\"-1\",\"255\",\"-9223372036854775808\",\"18446744073709551615\"]");
    }

    @Test
    void toStringTakesARadixAndToLocaleStringGroupsDigits() {
        assertAsDeno(
                "() => [(255n).toString(16), (-255n).toString(2), (2n ** 70n).toString(36), (1234567n).toLocaleString(), (-1234n).toLocaleString(), `${12n}`, \"x\" + 3n, 3n + \"x\"]",
                "[\"ff\",\"-11111111\",\"6x5kxtvuwilukg\",\"1,234,567\",\"-1,234\",\"12\",\"x3\",\"3x\"]");
    }

    @Test
    void bigIntAndNumberConvertExplicitly() {
        assertAsDeno(
                "() => [String(BigInt(\"  42  \")), String(BigInt(\"0x10\")), String(BigInt(true)), String(BigInt(1e21)), Number(123n), String(BigInt(\"-12345678901234567890\")), parseInt(String(77n))]",
                "[\"42\",\"16\",\"1\",\"1000000000000000000000\",123,\"-12345678901234567890\",77]");
    }

    @Test
    void mixingAndInvalidOperationsThrowV8sErrors() {
        assertAsDeno(
                "() => { const tries: Array<() => unknown> = [() => 1n + 1, () => BigInt(1.5), () => BigInt(\"1.5\"), () => 1n / 0n, () => JSON.stringify({ a: 1n }), () => new (BigInt as any)(1), () => +1n, () => 1n >>> 1n, () => 2n ** -1n, () => Math.max(1, 2) * 3n]; return tries.map(t => { try { t(); return \"no error\"; } catch (e) { return (e as Error).name + \": \" + (e as Error).message; } }); }",
                "[\"TypeError: Cannot mix BigInt and other types, use explicit conversions\",\"RangeError: The number 1.5 cannot be converted to a BigInt because it is not an integer\",\"SyntaxError: Cannot convert 1.5 to a BigInt\",\"RangeError: Division by zero\",\"TypeError: Do not know how to serialize a BigInt\",\"TypeError: BigInt is not a constructor\",\"TypeError: Cannot convert a BigInt value to a number\",\"TypeError: BigInts have no unsigned right shift, use >> instead\",\"RangeError: Exponent must be positive\",\"TypeError: Cannot mix BigInt and other types, use explicit conversions\"]");
    }

    @Test
    void compoundAssignmentsAndIncrementsWorkOnBigInts() {
        assertAsDeno(
                "() => { let a = 1n; a += 2n; a *= 10n; a -= 1n; a **= 2n; let b = 5n; b++; ++b; b--; const c = b++; const o = { v: 1n }; o.v += 1n; o.v++; const arr = [10n]; arr[0] <<= 2n; let i = 0; for (let k = 0n; k < 3n; k++) i++; return [String(a), String(b), String(c), String(o.v), String(arr[0]), i]; }",
                "[\"841\",\"7\",\"6\",\"3\",\"40\",3]");
    }

    @Test
    void numbersStringsAndObjectsKeepTheirOperatorsInABigIntModule() {
        assertAsDeno(
                "() => { let s = 0; for (let i = 0; i < 10; i++) s += i * 2; const str = \"a\" + 1 + null; const t = typeof {}; return [s, str, t, 1 < 2, \"b\" > \"a\", null == undefined, 7 % 3, 2 ** 3, -(-4), ~1, [1] == 1 as any, 1 + {valueOf() { return 2; }} as any]; }",
                "[90,\"a1null\",\"object\",true,true,true,1,8,4,-2,true,3]");
    }

    @Test
    void aBigIntLoopComputesAFactorial() {
        assertAsDeno(
                "() => { let f = 1n; for (let i = 1n; i <= 30n; i++) f *= i; return String(f); }",
                "\"265252859812191058636308480000000\"");
    }

    @Test
    void jsonStringifyHandsBigIntsToTheReplacer() {
        assertAsDeno(
                "() => JSON.stringify({ id: 2n ** 60n, n: 1 }, (_k, v) => typeof v === \"bigint\" ? v.toString() : v)",
                "\"{\\\"id\\\":\\\"1152921504606846976\\\",\\\"n\\\":1}\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void consoleShowsBigIntsWithTheirSuffix() {
        Map<String, Object> result = vals.call("export default () => { console.log(5n, [1n], { a: -(2n ** 64n) }); }");
        List<Map<String, Object>> logs = (List<Map<String, Object>>) result.get("logs");
        assertEquals("5n [ 1n ] { a: -18446744073709551616n }", logs.get(0).get("text"));
    }

    @Test
    void aModuleThatNeverMentionsBigIntSeesItsDecimalString() {
        // Deno gives the same answers here; arithmetic there (big * 2) would be a TypeError in Deno and a number here.
        ValModule lib = Vals.module("val:lib", "export const big = 2n ** 70n;", Map.of());
        String entry = "import { big } from './lib.ts';\n"
                + "export default () => [`${big}`, '' + big, String(big), Number(big) > 1e21];";
        ValModule main = Vals.module("val:main", entry, Map.of("./lib.ts", "val:lib"));
        Map<String, Object> result =
                vals.run(List.of(main, lib), Map.of("kind", "function", "args", List.of()), Map.of(), 10_000);
        assertEquals(
                List.of("1180591620717411303424", "1180591620717411303424", "1180591620717411303424", true),
                result.get("value"),
                result::toString);
    }
}
