import type { Schema } from '../data/schema.ts';
import { validateValue } from '../data/schema.ts';

/** One record header: a key with a Connect value and its schema (org.apache.kafka.connect.header.Header). */
export interface Header {
  readonly key: string;
  readonly schema: Schema | null;
  readonly value: unknown;
}

/**
 * An ordered, multi-valued header collection (org.apache.kafka.connect.header.ConnectHeaders). Keys may repeat;
 * `lastWithName` is the value a converter or predicate sees for a key.
 */
export class ConnectHeaders implements Iterable<Header> {
  private readonly headers: Header[] = [];

  constructor(headers: Iterable<Header> = []) {
    for (const header of headers) this.headers.push(header);
  }

  get size(): number {
    return this.headers.length;
  }

  isEmpty(): boolean {
    return this.headers.length === 0;
  }

  /** Adds a header; a value given with a schema is validated against it, as ConnectHeaders.add does. */
  add(key: string, value: unknown, schema: Schema | null = null): this {
    if (schema !== null) validateValue(schema, value);
    this.headers.push({ key, schema, value: value ?? null });
    return this;
  }

  allWithName(key: string): Header[] {
    return this.headers.filter((header) => header.key === key);
  }

  lastWithName(key: string): Header | null {
    for (let i = this.headers.length - 1; i >= 0; i--) {
      const header = this.headers[i] as Header;
      if (header.key === key) return header;
    }
    return null;
  }

  remove(key: string): this {
    for (let i = this.headers.length - 1; i >= 0; i--)
      if ((this.headers[i] as Header).key === key) this.headers.splice(i, 1);
    return this;
  }

  duplicate(): ConnectHeaders {
    return new ConnectHeaders(this.headers);
  }

  [Symbol.iterator](): Iterator<Header> {
    return this.headers[Symbol.iterator]();
  }
}
