import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatRecordTimestamp,
  HEX_VIEW_LIMIT,
  hexDump,
  parseLocalDateTime,
  prettyJson,
  previewBytes,
  toLocalDateTime,
  viewBytes,
} from './record-view.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const bytes64 = (...bytes: number[]) => Buffer.from(bytes).toString('base64');

test('auto shows JSON pretty printed when the bytes parse as JSON', () => {
  const view = viewBytes(b64('{"order":42,"items":["a",{"b":null}],"empty":{},"none":[]}'), 'auto');
  assert.equal(view?.format, 'json');
  assert.equal(
    view?.text,
    [
      '{',
      '  "order": 42,',
      '  "items": [',
      '    "a",',
      '    {',
      '      "b": null',
      '    }',
      '  ],',
      '  "empty": {},',
      '  "none": []',
      '}',
    ].join('\n'),
  );
  assert.equal(view?.binary, false);
  assert.equal(view?.problem, null);
});

test('pretty JSON keeps numbers, escapes and string contents as written', () => {
  assert.equal(prettyJson('{"id":12345678901234567890}'), '{\n  "id": 12345678901234567890\n}');
  assert.equal(
    prettyJson('["caf\\u00e9", "a,b:{c}", "q\\"uote"]'),
    '[\n  "caf\\u00e9",\n  "a,b:{c}",\n  "q\\"uote"\n]',
  );
  assert.equal(prettyJson(' 1.5e3 '), '1.5e3');
  assert.equal(prettyJson('"just a string"'), '"just a string"');
});

test('auto shows UTF-8 text that is not JSON as text, HTML included, as characters', () => {
  const html = '<img src=x onerror=alert(1)>';
  assert.deepEqual(viewBytes(b64(html), 'auto'), {
    format: 'text',
    text: html,
    size: html.length,
    binary: false,
    problem: null,
    truncated: false,
  });
  assert.equal(viewBytes(b64('héllo wörld ✓\n\tsecond line'), 'auto')?.text, 'héllo wörld ✓\n\tsecond line');
  assert.equal(viewBytes(b64('héllo'), 'auto')?.size, 6);
});

test('auto shows bytes that are not UTF-8, or hold control characters, as hex', () => {
  const invalid = viewBytes(bytes64(0xff, 0xfe, 0x41), 'auto');
  assert.equal(invalid?.format, 'hex');
  assert.equal(invalid?.binary, true);
  assert.match(invalid!.text, /^00000000 {2}ff fe 41 /);
  const nul = viewBytes(bytes64(0x61, 0x00, 0x62), 'auto');
  assert.equal(nul?.format, 'hex');
  assert.equal(nul?.binary, true);
});

test('text shows invalid bytes as replacement characters and marks the view binary', () => {
  const view = viewBytes(bytes64(0x68, 0x69, 0xff, 0x21), 'text');
  assert.equal(view?.format, 'text');
  assert.equal(view?.text, 'hi\uFFFD!');
  assert.equal(view?.binary, true);
});

test('JSON asked for but not there falls back to text and says why', () => {
  const view = viewBytes(b64('{"unterminated": '), 'json');
  assert.equal(view?.format, 'text');
  assert.equal(view?.text, '{"unterminated": ');
  assert.match(view?.problem ?? '', /^not JSON: /);
});

test('hex and base64 show the bytes whatever they hold', () => {
  assert.equal(viewBytes(b64('{"a":1}'), 'base64')?.text, 'eyJhIjoxfQ==');
  assert.equal(
    viewBytes(b64('0123456789abcdefXY'), 'hex')?.text,
    [
      '00000000  30 31 32 33 34 35 36 37  38 39 61 62 63 64 65 66  0123456789abcdef',
      '00000010  58 59                                             XY',
    ].join('\n'),
  );
  assert.equal(hexDump(new Uint8Array([0x00, 0x7f, 0x80])), '00000000  00 7f 80' + ' '.repeat(40) + '  ...');
});

test('hex stops at the limit and says how much it shows', () => {
  const big = Buffer.alloc(HEX_VIEW_LIMIT + 10, 0x41).toString('base64');
  const view = viewBytes(big, 'hex')!;
  assert.equal(view.truncated, true);
  assert.equal(view.text.split('\n').length, HEX_VIEW_LIMIT / 16 + 1);
  assert.match(view.text, /… the first 65,536 of 65,546 bytes$/);
});

test('null stays null; empty bytes are empty text', () => {
  assert.equal(viewBytes(null, 'auto'), null);
  assert.equal(previewBytes(null), null);
  const empty = viewBytes('', 'auto');
  assert.equal(empty?.format, 'text');
  assert.equal(empty?.text, '');
  assert.equal(empty?.size, 0);
});

test('previews are one line, cut short, and hex for bytes that are not text', () => {
  assert.equal(previewBytes(b64('{\n  "a": 1,\n  "b": 2\n}')), '{ "a": 1, "b": 2 }');
  assert.equal(previewBytes(b64('x'.repeat(300)), 10), `${'x'.repeat(10)}…`);
  assert.equal(previewBytes(bytes64(0xde, 0xad, 0xbe, 0xef)), 'de ad be ef');
  assert.equal(
    previewBytes(Buffer.alloc(40, 0xff).toString('base64')),
    `${Array(24).fill('ff').join(' ')} …`,
  );
});

test('a preview of a large value decodes only its start, and a character cut in two is not binary', () => {
  // 300 two-byte characters: the 513-byte prefix ends in the middle of one.
  const preview = previewBytes(b64('é'.repeat(300)), 1000)!;
  assert.equal(preview, `${'é'.repeat(256)}…`);
});

test('timestamps and datetime-local values are local time and round-trip', () => {
  const ms = new Date(2025, 2, 14, 9, 26, 53, 589).getTime();
  assert.equal(formatRecordTimestamp(ms), '2025-03-14 09:26:53.589');
  assert.equal(toLocalDateTime(ms), '2025-03-14T09:26:53');
  assert.equal(parseLocalDateTime('2025-03-14T09:26:53'), ms - 589);
  assert.equal(parseLocalDateTime('2025-03-14T09:26'), ms - 53_589);
  assert.equal(parseLocalDateTime(''), null);
  assert.equal(parseLocalDateTime('yesterday'), null);
  assert.equal(formatRecordTimestamp(-1), 'No timestamp', 'a record without a timestamp');
});
