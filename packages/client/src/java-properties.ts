/**
 * Reads a .properties file as java.util.Properties.load does, since worker and connector configs are written
 * for Kafka's scripts: `#` / `!` comment lines, `key=value`, `key:value` or `key value`, whitespace around the
 * separator ignored, a trailing backslash continuing the line (the next line's leading whitespace dropped),
 * and the escapes \t \n \r \f \uXXXX and \<char>. A later duplicate key wins.
 */
export function parseJavaProperties(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r\n|\r|\n/);
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index]!.replace(/^[ \t\f]+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (endsWithContinuation(line) && index + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++index]!.replace(/^[ \t\f]+/, '');
    }
    if (endsWithContinuation(line)) line = line.slice(0, -1);
    const { key, valueStart } = splitKey(line);
    result[unescape(key)] = unescape(line.slice(valueStart));
  }
  return result;
}

function endsWithContinuation(line: string): boolean {
  let backslashes = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function splitKey(line: string): { key: string; valueStart: number } {
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (char === '\\') {
      i += 2;
      continue;
    }
    if (char === '=' || char === ':' || char === ' ' || char === '\t' || char === '\f') break;
    i++;
  }
  const key = line.slice(0, i);
  while (i < line.length && /[ \t\f]/.test(line[i]!)) i++;
  if (i < line.length && (line[i] === '=' || line[i] === ':')) i++;
  while (i < line.length && /[ \t\f]/.test(line[i]!)) i++;
  return { key, valueStart: i };
}

function unescape(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_match, escape: string) => {
    if (escape.length === 5) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', f: '\f' }[escape] ?? escape;
  });
}
