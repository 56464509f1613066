/**
 * java.text.SimpleDateFormat's formatting in UTC, for TimestampRouter's `timestamp.format` (default yyyyMMdd).
 * Supports the letters Kafka users put in topic names: y, M, d, H, h, k, K, m, s, S, E, a, D, and quoted
 * literals ('' for a quote). Any other ASCII letter is rejected as Java rejects it.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { literal: string } | { letter: string; count: number };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i] as string;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new RangeError('Unterminated quote');
      tokens.push({ literal: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      if (!'yMdHhkKmsSEaD'.includes(c)) throw new RangeError(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      tokens.push({ letter: c, count });
      i += count;
    } else {
      tokens.push({ literal: c });
      i++;
    }
  }
  return tokens;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function text(full: string, count: number): string {
  return count >= 4 ? full : full.slice(0, 3);
}

export class SimpleDateFormat {
  private readonly tokens: Token[];

  constructor(readonly pattern: string) {
    this.tokens = tokenize(pattern);
  }

  format(date: Date): string {
    return this.tokens
      .map((token) => {
        if ('literal' in token) return token.literal;
        const { letter, count } = token;
        switch (letter) {
          case 'y': {
            const year = date.getUTCFullYear();
            return count === 2 ? pad(year % 100, 2) : pad(year, count);
          }
          case 'M':
            return count >= 3
              ? text(MONTHS[date.getUTCMonth()] as string, count)
              : pad(date.getUTCMonth() + 1, count);
          case 'd':
            return pad(date.getUTCDate(), count);
          case 'D': {
            const start = Date.UTC(date.getUTCFullYear(), 0, 1);
            return pad(Math.floor((date.getTime() - start) / 86_400_000) + 1, count);
          }
          case 'H':
            return pad(date.getUTCHours(), count);
          case 'k':
            return pad(date.getUTCHours() === 0 ? 24 : date.getUTCHours(), count);
          case 'K':
            return pad(date.getUTCHours() % 12, count);
          case 'h':
            return pad(date.getUTCHours() % 12 === 0 ? 12 : date.getUTCHours() % 12, count);
          case 'm':
            return pad(date.getUTCMinutes(), count);
          case 's':
            return pad(date.getUTCSeconds(), count);
          case 'S':
            return pad(date.getUTCMilliseconds(), count);
          case 'E':
            return text(DAYS[date.getUTCDay()] as string, count);
          case 'a':
            return date.getUTCHours() < 12 ? 'AM' : 'PM';
          default:
            throw new RangeError(`Illegal pattern character '${letter}'`);
        }
      })
      .join('');
  }
}
