/**
 * The one error type the decoding layer throws. Anything else escaping a decoder is a bug:
 * the fuzz test asserts that malformed input only ever produces a ProtocolError.
 */
export type ProtocolErrorKind =
  /** The input ended before a field it declares was complete. */
  | 'truncated'
  /** A length, count or value is impossible (negative where it cannot be, too large for the bytes left, ...). */
  | 'invalid'
  /** The api key or version is not one this codec knows. */
  | 'unsupported'
  /** A checksum over the data did not match. */
  | 'corrupt';

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';

  constructor(
    readonly kind: ProtocolErrorKind,
    message: string,
  ) {
    super(message);
  }
}
