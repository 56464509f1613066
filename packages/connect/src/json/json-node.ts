/**
 * A small JSON tree with Jackson's distinctions, which JsonConverter depends on and JSON.parse loses:
 * integral vs floating numbers (kept as their source text, so 64-bit and arbitrary-precision values survive),
 * a "missing" node for empty input, and binary nodes written as base64. The writer produces Jackson's
 * compact output byte for byte: fields in insertion order, no spaces, control characters escaped as Jackson
 * does (`\n`, `\t`, ... and `\u00XX` in upper case), other non-ASCII left as UTF-8, except characters beyond
 * U+FFFF (emoji): Jackson's UTF8JsonGenerator (without COMBINE_UNICODE_SURROGATES_IN_UTF8, off by default)
 * writes each half of their surrogate pair as an escape, `\uD83D\uDE00`, and so does this writer.
 */
import { DataException } from '../errors.ts';

export type JsonNode =
  | { kind: 'missing' }
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; text: string; integral: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'binary'; value: Uint8Array }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'object'; fields: Map<string, JsonNode> };

export const NULL_NODE: JsonNode = { kind: 'null' };

export function textNode(value: string): JsonNode {
  return { kind: 'string', value };
}

export function numberNode(text: string, integral: boolean): JsonNode {
  return { kind: 'number', text, integral };
}

export function objectNode(entries: Iterable<[string, JsonNode]> = []): JsonNode & { kind: 'object' } {
  return { kind: 'object', fields: new Map(entries) };
}

/** Jackson's getNodeType() name, used in Kafka's error messages. */
export function nodeTypeName(node: JsonNode): string {
  switch (node.kind) {
    case 'missing':
      return 'MISSING';
    case 'null':
      return 'NULL';
    case 'boolean':
      return 'BOOLEAN';
    case 'number':
      return 'NUMBER';
    case 'string':
      return 'STRING';
    case 'binary':
      return 'BINARY';
    case 'array':
      return 'ARRAY';
    case 'object':
      return 'OBJECT';
  }
}

export class JsonParseException extends Error {}

/**
 * Parses UTF-8 JSON. Like Jackson's readTree, trailing content after the first value is ignored, empty input
 * is the missing node, and a repeated object key keeps its last value.
 */
export function parseJson(bytes: Uint8Array): JsonNode {
  const text = new TextDecoder('utf-8').decode(bytes);
  const parser = new Parser(text);
  parser.skipWhitespace();
  if (parser.atEnd()) return { kind: 'missing' };
  return parser.parseValue();
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipWhitespace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos] as string)) this.pos++;
  }

  private fail(message: string): never {
    throw new JsonParseException(`${message} at position ${this.pos}`);
  }

  parseValue(): JsonNode {
    this.skipWhitespace();
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.parseObject();
      case '[':
        return this.parseArray();
      case '"':
        return { kind: 'string', value: this.parseString() };
      case 't':
        return this.literal('true', { kind: 'boolean', value: true });
      case 'f':
        return this.literal('false', { kind: 'boolean', value: false });
      case 'n':
        return this.literal('null', NULL_NODE);
      default:
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.parseNumber();
        return this.fail(c === undefined ? 'Unexpected end-of-input' : `Unexpected character '${c}'`);
    }
  }

  private literal(word: string, node: JsonNode): JsonNode {
    if (this.text.startsWith(word, this.pos)) {
      this.pos += word.length;
      return node;
    }
    return this.fail(`Unrecognized token`);
  }

  private parseNumber(): JsonNode {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match) return this.fail('Invalid numeric value');
    this.pos += match[0].length;
    return numberNode(match[0], match[2] === undefined && match[3] === undefined);
  }

  private parseString(): string {
    this.pos++;
    let result = '';
    while (true) {
      const c = this.text[this.pos++];
      if (c === undefined) return this.fail('Unexpected end-of-input in string');
      if (c === '"') return result;
      if (c === '\\') {
        const escape = this.text[this.pos++];
        switch (escape) {
          case '"':
          case '\\':
          case '/':
            result += escape;
            break;
          case 'b':
            result += '\b';
            break;
          case 'f':
            result += '\f';
            break;
          case 'n':
            result += '\n';
            break;
          case 'r':
            result += '\r';
            break;
          case 't':
            result += '\t';
            break;
          case 'u': {
            const hex = this.text.slice(this.pos, this.pos + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) return this.fail('Invalid unicode escape');
            result += String.fromCharCode(parseInt(hex, 16));
            this.pos += 4;
            break;
          }
          default:
            return this.fail(`Unrecognized character escape '${escape ?? ''}'`);
        }
      } else if (c < ' ') {
        return this.fail('Illegal unquoted character');
      } else {
        result += c;
      }
    }
  }

  private parseArray(): JsonNode {
    this.pos++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', items };
    }
    while (true) {
      items.push(this.parseValue());
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === ']') return { kind: 'array', items };
      if (c !== ',') return this.fail('Expected comma or end of array');
    }
  }

  private parseObject(): JsonNode {
    this.pos++;
    const fields = new Map<string, JsonNode>();
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', fields };
    }
    while (true) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') return this.fail('Expected field name');
      const name = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos++] !== ':') return this.fail('Expected colon');
      fields.set(name, this.parseValue());
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === '}') return { kind: 'object', fields };
      if (c !== ',') return this.fail('Expected comma or end of object');
    }
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function writeString(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/["\\\u0000-\u001f\ud800-\udfff]/g, (c) => SIMPLE_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)}"`;
}

export function writeJson(node: JsonNode): string {
  switch (node.kind) {
    case 'missing':
      return '';
    case 'null':
      return 'null';
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'number':
      return node.text;
    case 'string':
      return writeString(node.value);
    case 'binary':
      return `"${Buffer.from(node.value).toString('base64')}"`;
    case 'array':
      return `[${node.items.map(writeJson).join(',')}]`;
    case 'object':
      return `{${[...node.fields].map(([key, value]) => `${writeString(key)}:${writeJson(value)}`).join(',')}}`;
  }
}

export function serializeJson(node: JsonNode): Uint8Array {
  return new Uint8Array(Buffer.from(writeJson(node), 'utf8'));
}

/** Jackson's asText(), used for map keys. */
export function asText(node: JsonNode): string {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'binary':
      return Buffer.from(node.value).toString('base64');
    default:
      return '';
  }
}

/** Jackson's binaryValue(): base64 text decoded strictly (padding required), binary as is, anything else null. */
export function binaryValue(node: JsonNode): Uint8Array | null {
  if (node.kind === 'binary') return node.value;
  if (node.kind !== 'string') return null;
  const text = node.value;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new DataException(`Cannot access contents of TextNode as binary due to broken Base64 encoding`);
  }
  return new Uint8Array(Buffer.from(text, 'base64'));
}
