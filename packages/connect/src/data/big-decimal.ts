import { INT64_MAX, INT64_MIN, NumberFormatException } from './java-numbers.ts';

/**
 * The value of Connect's Decimal logical type: an arbitrary-precision unscaled integer and a scale, as in
 * java.math.BigDecimal (value = unscaled × 10^-scale). Equality, like Java's, includes the scale: 1.0 ≠ 1.00.
 */
export class BigDecimal {
  static readonly ZERO = new BigDecimal(0n, 0);

  constructor(
    readonly unscaledValue: bigint,
    readonly scale: number,
  ) {
    if (!Number.isInteger(scale)) throw new RangeError(`scale must be an integer: ${scale}`);
  }

  /** Java's `new BigDecimal(String)`: digits, optional fraction and exponent. */
  static parse(text: string): BigDecimal {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
      throw new NumberFormatException(
        text === ''
          ? 'Index 0 out of bounds for length 0'
          : `Character ${firstBadCharacter(text)} is neither a decimal digit number, decimal point, nor "e" notation exponential mark.`,
      );
    }
    const [, sign = '', integer = '', fraction = '', exponent = '0'] = match;
    const unscaled = BigInt(`${sign}${integer}${fraction}` || '0');
    return new BigDecimal(unscaled, fraction.length - Number(exponent));
  }

  static fromNumber(value: number | bigint): BigDecimal {
    if (typeof value === 'bigint') return new BigDecimal(value, 0);
    return BigDecimal.parse(value.toString());
  }

  signum(): number {
    return this.unscaledValue === 0n ? 0 : this.unscaledValue < 0n ? -1 : 1;
  }

  /** Java's `toBigInteger()`: drops the fraction, truncating toward zero. */
  toBigInt(): bigint {
    if (this.scale <= 0) return this.unscaledValue * 10n ** BigInt(-this.scale);
    return this.unscaledValue / 10n ** BigInt(this.scale);
  }

  /** Java's `longValue()`: the low 64 bits of the integer part. */
  longValue(): bigint {
    return BigInt.asIntN(64, this.toBigInt());
  }

  doubleValue(): number {
    return Number(this.toString());
  }

  equals(other: unknown): boolean {
    return (
      other instanceof BigDecimal && other.unscaledValue === this.unscaledValue && other.scale === this.scale
    );
  }

  /** Java's `BigDecimal.toString()`: plain notation unless the exponent is small, then scientific with `E+n`. */
  toString(): string {
    const negative = this.unscaledValue < 0n;
    const coefficient = (negative ? -this.unscaledValue : this.unscaledValue).toString();
    const sign = negative ? '-' : '';
    const adjusted = -this.scale + (coefficient.length - 1);
    if (this.scale >= 0 && adjusted >= -6) {
      if (this.scale === 0) return sign + coefficient;
      if (coefficient.length > this.scale) {
        const point = coefficient.length - this.scale;
        return `${sign}${coefficient.slice(0, point)}.${coefficient.slice(point)}`;
      }
      return `${sign}0.${'0'.repeat(this.scale - coefficient.length)}${coefficient}`;
    }
    const mantissa = coefficient.length > 1 ? `${coefficient[0]}.${coefficient.slice(1)}` : coefficient;
    return `${sign}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
  }

  /** Java's `BigInteger.toByteArray()` of the unscaled value: minimal big-endian two's complement. */
  unscaledToByteArray(): Uint8Array {
    return bigIntToByteArray(this.unscaledValue);
  }

  static fromUnscaledBytes(bytes: Uint8Array, scale: number): BigDecimal {
    return new BigDecimal(bigIntFromByteArray(bytes), scale);
  }
}

function firstBadCharacter(text: string): string {
  return /[^0-9.eE+-]/.exec(text)?.[0] ?? text.charAt(0);
}

export function bigIntToByteArray(value: bigint): Uint8Array {
  let length = 1;
  while (value < -(1n << BigInt(8 * length - 1)) || value >= 1n << BigInt(8 * length - 1)) length++;
  const bytes = new Uint8Array(length);
  let remaining = BigInt.asUintN(8 * length, value);
  for (let i = length - 1; i >= 0; i--) {
    bytes[i] = Number(remaining & 0xffn);
    remaining >>= 8n;
  }
  return bytes;
}

/** Java's `new BigInteger(byte[])`; an empty array is rejected as Java does. */
export function bigIntFromByteArray(bytes: Uint8Array): bigint {
  if (bytes.length === 0) throw new NumberFormatException('Zero length BigInteger');
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return BigInt.asIntN(8 * bytes.length, value);
}

export function isInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}
