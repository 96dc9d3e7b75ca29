package dev.valbox.runner;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The arithmetic behind bigint.js for values beyond a double's exact integers, on {@link BigInteger}. Values cross
 * as decimal strings; an operation JavaScript refuses throws with V8's message, which bigint.js rethrows as the
 * error V8 would (RangeError or SyntaxError, named by the message's prefix). Results are capped at
 * {@link #MAX_BITS}: one call cannot be interrupted by the deadline, so {@code 10n ** 10n ** 9n} must fail fast
 * rather than compute for minutes.
 */
final class BigIntArithmetic {

    /** V8 allows 2^30 bits; a million bits (about 300,000 digits) keeps one operation well under a second. */
    static final int MAX_BITS = 1 << 20;

    private BigIntArithmetic() {}

    static String apply(String op, String a, String b) {
        return switch (op) {
            case "parse" -> parse(a);
            case "fromNumber" -> new BigDecimal(Double.parseDouble(a))
                    .toBigIntegerExact()
                    .toString();
            case "toString" -> new BigInteger(a).toString(Integer.parseInt(b));
            case "cmp" -> String.valueOf(new BigInteger(a).compareTo(new BigInteger(b)));
            case "cmpNumber" -> String.valueOf(
                    new BigDecimal(new BigInteger(a)).compareTo(new BigDecimal(Double.parseDouble(b))));
            case "asIntN", "asUintN" -> wrap(op, Integer.parseInt(a), new BigInteger(b));
            default -> capped(binary(op, new BigInteger(a), new BigInteger(b)));
        };
    }

    private static BigInteger binary(String op, BigInteger x, BigInteger y) {
        return switch (op) {
            case "add" -> x.add(y);
            case "sub" -> x.subtract(y);
            case "mul" -> {
                if ((long) x.bitLength() + y.bitLength() > MAX_BITS) throw tooBig();
                yield x.multiply(y);
            }
            case "div" -> x.divide(nonZero(y));
            case "mod" -> x.remainder(nonZero(y));
            case "pow" -> pow(x, y);
            case "and" -> x.and(y);
            case "or" -> x.or(y);
            case "xor" -> x.xor(y);
            case "shl" -> shift(x, y);
            case "shr" -> shift(x, y.negate());
            default -> throw new IllegalArgumentException("unknown BigInt operation " + op);
        };
    }

    private static BigInteger nonZero(BigInteger y) {
        if (y.signum() == 0) throw new ArithmeticException("RangeError: Division by zero");
        return y;
    }

    private static BigInteger pow(BigInteger x, BigInteger y) {
        if (y.signum() < 0) throw new ArithmeticException("RangeError: Exponent must be positive");
        if (x.abs().compareTo(BigInteger.ONE) <= 0) {
            return x.signum() == 0
                    ? (y.signum() == 0 ? BigInteger.ONE : BigInteger.ZERO)
                    : x.signum() > 0 || !y.testBit(0) ? BigInteger.ONE : x;
        }
        if (y.bitLength() > 31 || (long) y.intValue() * (x.bitLength() - 1) > MAX_BITS) throw tooBig();
        return x.pow(y.intValue());
    }

    /** x * 2^y, rounding toward negative infinity for a right shift, as BigInt's >> does. */
    private static BigInteger shift(BigInteger x, BigInteger y) {
        if (y.bitLength() > 31) {
            if (y.signum() < 0 || x.signum() == 0) return x.signum() < 0 ? BigInteger.ONE.negate() : BigInteger.ZERO;
            throw tooBig();
        }
        int n = y.intValue();
        if (n > 0 && (long) x.bitLength() + n > MAX_BITS) throw tooBig();
        return n >= 0 ? x.shiftLeft(n) : x.shiftRight(-n);
    }

    private static String wrap(String op, int bits, BigInteger x) {
        if (bits < 0) throw new ArithmeticException("RangeError: Invalid value: not (convertible to) a safe integer");
        BigInteger modulus = BigInteger.ONE.shiftLeft(bits);
        BigInteger r = x.mod(modulus);
        if (op.equals("asIntN") && bits > 0 && r.testBit(bits - 1)) r = r.subtract(modulus);
        if (bits == 0) r = BigInteger.ZERO;
        return r.toString();
    }

    private static String capped(BigInteger r) {
        if (r.bitLength() > MAX_BITS) throw tooBig();
        return r.toString();
    }

    private static ArithmeticException tooBig() {
        return new ArithmeticException("RangeError: Maximum BigInt size exceeded");
    }

    /** StringToBigInt: whitespace around, then a decimal with sign or an unsigned 0x/0o/0b literal; "" is 0. */
    private static String parse(String text) {
        // JavaScript's whitespace and line terminators, U+FEFF and U+00A0 included.
        String s = text.replaceAll("^[\\s\\p{Zs}\\uFEFF\\u2028\\u2029]+|[\\s\\p{Zs}\\uFEFF\\u2028\\u2029]+$", "");
        if (s.isEmpty()) return "0";
        int radix = 10;
        if (s.length() > 2 && s.charAt(0) == '0' && "xXoObB".indexOf(s.charAt(1)) >= 0) {
            radix = switch (Character.toLowerCase(s.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            s = s.substring(2);
            int base = radix;
            if (!s.chars().allMatch(c -> c < 128 && Character.digit(c, base) >= 0)) {
                throw new NumberFormatException();
            }
        } else if (!s.matches("[+-]?[0-9]+")) {
            throw new NumberFormatException();
        }
        BigInteger value = new BigInteger(s, radix);
        return capped(value);
    }
}
