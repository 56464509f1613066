/**
 * Java's number semantics where Connect's behaviour depends on them: narrowing casts (`(byte) x`),
 * `Double.toString` / `Float.toString` (what Jackson writes for FLOAT64 / FLOAT32 and what Cast produces
 * for a float cast to string), and the integer parsers that raise NumberFormatException.
 *
 * Formatting follows JDK 19+ (shortest digits that round-trip), which is also what JavaScript produces.
 */

export class NumberFormatException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NumberFormatException';
  }
}

export const INT8_MIN = -128;
export const INT8_MAX = 127;
export const INT16_MIN = -32768;
export const INT16_MAX = 32767;
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;

/** Java's `(long) d` for a double: truncates toward zero, saturates, NaN becomes 0. */
export function doubleToLong(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  if (d >= 2 ** 63) return INT64_MAX;
  if (d <= -(2 ** 63)) return INT64_MIN;
  return BigInt(Math.trunc(d));
}

/** Java's `(int) d` for a double. */
export function doubleToInt(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= INT32_MAX) return INT32_MAX;
  if (d <= INT32_MIN) return INT32_MIN;
  return Math.trunc(d);
}

/** Keeps the low `bits` bits as a signed integer, like Java's narrowing primitive conversion. */
export function narrow(value: bigint, bits: 8 | 16 | 32): number {
  return Number(BigInt.asIntN(bits, value));
}

/** Java `Double.toString`. */
export function javaDoubleToString(d: number): string {
  return formatJavaFloating(d, decompose(d));
}

/** Java `Float.toString` for a value that is exactly representable as a float32. */
export function javaFloatToString(f: number): string {
  const value = Math.fround(f);
  if (!Number.isFinite(value) || value === 0) return formatJavaFloating(value, decompose(value));
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = value.toPrecision(precision);
    if (Math.fround(Number(candidate)) === value)
      return formatJavaFloating(value, decompose(Number(candidate)));
  }
  return formatJavaFloating(value, decompose(value));
}

interface Decomposed {
  digits: string;
  exponent: number;
}

function decompose(d: number): Decomposed {
  const [mantissa = '0', exponent = '0'] = Math.abs(d).toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

function formatJavaFloating(d: number, { digits, exponent }: Decomposed): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  const sign = d < 0 || Object.is(d, -0) ? '-' : '';
  if (d === 0) return `${sign}0.0`;
  const magnitude = Math.abs(d);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent >= 0) {
      const integer = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      const fraction = digits.slice(exponent + 1) || '0';
      return `${sign}${integer}.${fraction}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  const fraction = digits.slice(1) || '0';
  return `${sign}${digits[0]}.${fraction}E${exponent}`;
}

/** Java's Long.parseLong (radix 10): optional sign, ASCII digits only, range checked. */
export function javaParseLong(text: string): bigint {
  if (!/^[+-]?\d+$/.test(text)) throw new NumberFormatException(`For input string: "${text}"`);
  const value = BigInt(text);
  if (value < INT64_MIN || value > INT64_MAX) throw new NumberFormatException(`For input string: "${text}"`);
  return value;
}

/** Java's Integer.parseInt / Short.parseShort / Byte.parseByte. */
export function javaParseInt(text: string, bits: 8 | 16 | 32): number {
  if (!/^[+-]?\d+$/.test(text)) throw new NumberFormatException(`For input string: "${text}"`);
  const value = BigInt(text);
  const limit = 2n ** BigInt(bits - 1);
  if (value < -limit || value >= limit) {
    throw new NumberFormatException(
      bits === 32 ? `For input string: "${text}"` : `Value out of range. Value:"${text}" Radix:10`,
    );
  }
  return Number(value);
}

/** Java's Double.parseDouble: trims, accepts a trailing d/D/f/F, NaN and Infinity; rejects anything else. */
export function javaParseDouble(text: string): number {
  const trimmed = text.replace(/^[\0- ]+|[\0- ]+$/g, '');
  const match = /^([+-]?)(NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?$/.exec(trimmed);
  if (!match) {
    throw new NumberFormatException(trimmed === '' ? 'empty String' : `For input string: "${text}"`);
  }
  return Number(`${match[1]}${match[2]}`);
}
