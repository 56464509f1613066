/**
 * Record keys, values and headers as the console shows them. The API sends their bytes as base64; the console
 * shows them as text (UTF-8), JSON, hex or base64, and always as text nodes, never as HTML. Pretty-printed JSON
 * keeps the record's own tokens: numbers too long for a double and escapes like \u00e9 are shown as written.
 */

export const RECORD_FORMATS = ['auto', 'json', 'text', 'hex', 'base64'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
/** What a view ends up in: auto picks one of these. */
export type ShownFormat = Exclude<RecordFormat, 'auto'>;

export interface BytesView {
  format: ShownFormat;
  text: string;
  /** Bytes in the key or value. */
  size: number;
  /**
   * Not text: invalid UTF-8 (the text format shows U+FFFD for each invalid byte) or control characters other
   * than tab, line feed and carriage return.
   */
  binary: boolean;
  /** Why the format asked for could not be used (the view falls back to text), e.g. "not JSON: ...". */
  problem: string | null;
  /** The hex view stops after HEX_VIEW_LIMIT bytes; the text says so. */
  truncated: boolean;
}

/** A hex dump of a 1 MB value is 4.5 MB of text; past this many bytes the base64 view has the whole of it. */
export const HEX_VIEW_LIMIT = 64 * 1024;
const HEX_LINE_BYTES = 16;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Control characters a text never holds; tab, line feed and carriage return are text. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

function decodeUtf8(bytes: Uint8Array): { text: string; valid: boolean } {
  try {
    return { text: strictUtf8.decode(bytes), valid: true };
  } catch {
    return { text: lenientUtf8.decode(bytes), valid: false };
  }
}

const JSON_WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const JSON_STRUCTURE = new Set(['{', '}', '[', ']', ',', ':', '"', ' ', '\t', '\n', '\r']);

/**
 * Re-indents JSON text that JSON.parse accepted, copying strings, numbers and literals as they are written
 * (JSON.stringify(JSON.parse(text)) would round 12345678901234567890 and unescape strings).
 */
export function prettyJson(text: string, indent = '  '): string {
  const out: string[] = [];
  let depth = 0;
  let i = 0;
  const newline = () => '\n' + indent.repeat(depth);
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out.push(text.slice(i, end + 1));
      i = end + 1;
    } else if (JSON_WHITESPACE.has(c)) {
      i++;
    } else if (c === '{' || c === '[') {
      let next = i + 1;
      while (next < text.length && JSON_WHITESPACE.has(text[next]!)) next++;
      const close = c === '{' ? '}' : ']';
      if (text[next] === close) {
        out.push(c + close);
        i = next + 1;
      } else {
        depth++;
        out.push(c + newline());
        i++;
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out.push(newline() + c);
      i++;
    } else if (c === ',') {
      out.push(',' + newline());
      i++;
    } else if (c === ':') {
      out.push(': ');
      i++;
    } else {
      let end = i;
      while (end < text.length && !JSON_STRUCTURE.has(text[end]!)) end++;
      out.push(text.slice(i, end));
      i = end;
    }
  }
  return out.join('');
}

function parseJson(text: string): { ok: true } | { ok: false; message: string } {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

const hexByte = (byte: number) => byte.toString(16).padStart(2, '0');

/** "00000000  7b 22 61 22 ...  {"a"...": offset, 16 bytes, and those bytes as printable ASCII ("." otherwise). */
export function hexDump(bytes: Uint8Array, limit = HEX_VIEW_LIMIT): string {
  const shown = Math.min(bytes.length, limit);
  const lines: string[] = [];
  for (let start = 0; start < shown; start += HEX_LINE_BYTES) {
    const line = bytes.subarray(start, Math.min(start + HEX_LINE_BYTES, shown));
    let hex = '';
    let ascii = '';
    for (let i = 0; i < HEX_LINE_BYTES; i++) {
      if (i === 8) hex += ' ';
      const byte = line[i];
      hex += byte === undefined ? '   ' : `${hexByte(byte)} `;
      if (byte !== undefined) ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
    }
    lines.push(`${start.toString(16).padStart(8, '0')}  ${hex} ${ascii}`);
  }
  if (shown < bytes.length)
    lines.push(
      `… the first ${shown.toLocaleString('en-US')} of ${bytes.length.toLocaleString('en-US')} bytes`,
    );
  return lines.join('\n');
}

/**
 * Bytes (base64, as the API sends them) in `format`; null stays null (Kafka's "no key" or a tombstone).
 * Auto picks JSON when the bytes are UTF-8 text that parses, text when they are other text, hex otherwise.
 */
export function viewBytes(base64: string | null, format: RecordFormat): BytesView | null {
  if (base64 === null) return null;
  const bytes = base64ToBytes(base64);
  const size = bytes.length;
  const decoded = decodeUtf8(bytes);
  const binary = !decoded.valid || hasControlCharacters(decoded.text);
  const view = (shown: ShownFormat, text: string, problem: string | null = null): BytesView => ({
    format: shown,
    text,
    size,
    binary,
    problem,
    truncated: shown === 'hex' && size > HEX_VIEW_LIMIT,
  });

  switch (format) {
    case 'base64':
      return view('base64', base64);
    case 'hex':
      return view('hex', hexDump(bytes));
    case 'text':
      return view('text', decoded.text);
    case 'json': {
      const parsed = parseJson(decoded.text);
      return parsed.ok
        ? view('json', prettyJson(decoded.text))
        : view('text', decoded.text, `not JSON: ${parsed.message}`);
    }
    case 'auto': {
      if (size > 0 && decoded.valid && parseJson(decoded.text).ok)
        return view('json', prettyJson(decoded.text));
      return binary ? view('hex', hexDump(bytes)) : view('text', decoded.text);
    }
  }
}

/** How much of a key or value a one-line preview decodes (513 bytes): enough for a row, whatever its size. */
const PREVIEW_BASE64_CHARS = 684;
const PREVIEW_HEX_BYTES = 24;

/**
 * One line for a table row: the start of the text with runs of white space made single spaces, or, for
 * bytes that are not text, the first bytes in hex. Decodes at most 513 bytes, so a 1 MB value costs no
 * more than a short one. Null (no key, a tombstone) is null.
 */
export function previewBytes(base64: string | null, maxChars = 200): string | null {
  if (base64 === null) return null;
  const cut = base64.length > PREVIEW_BASE64_CHARS;
  const bytes = base64ToBytes(cut ? base64.slice(0, PREVIEW_BASE64_CHARS) : base64);
  let text: string | null;
  try {
    // A prefix may end inside a character: stream mode holds those bytes back instead of failing on them.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: cut });
  } catch {
    text = null;
  }
  if (text === null || hasControlCharacters(text)) {
    const hex = Array.from(bytes.subarray(0, PREVIEW_HEX_BYTES), hexByte).join(' ');
    return bytes.length > PREVIEW_HEX_BYTES || cut ? `${hex} …` : hex;
  }
  const line = text.replace(/\s+/g, ' ');
  return line.length > maxChars || cut ? `${line.slice(0, maxChars)}…` : line;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const NO_TIMESTAMP_TEXT = 'No timestamp';

/**
 * A record's timestamp in local time to the millisecond: "2025-03-14 09:26:53.589". Records without one
 * (-1: message format v0, or a producer that left it unset) read "No timestamp", not a moment in 1969.
 */
export function formatRecordTimestamp(ms: number): string {
  if (ms < 0) return NO_TIMESTAMP_TEXT;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** The value of a datetime-local input ("2025-03-14T09:26" or with seconds) as epoch ms, in local time. */
export function parseLocalDateTime(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** Epoch ms as a datetime-local input's value, to the second, in local time. */
export function toLocalDateTime(ms: number): string {
  return formatRecordTimestamp(ms).slice(0, 19).replace(' ', 'T');
}
