/**
 * The parts of java.util.regex that Connect's routers and predicates expose in their configs: `Pattern.compile`
 * (validated as RegexValidator does), `Matcher.matches` (the whole input must match) and the replacement syntax
 * of `Matcher.replaceFirst` (`$1`, `${name}`, backslash escapes). Java and JavaScript regular expressions agree
 * on the common syntax; Java-only constructs (possessive quantifiers, atomic groups) are reported as invalid.
 */
import { ConfigException } from '../errors.ts';
import type { Validator } from '../config/config-def.ts';

export class JavaPattern {
  private readonly whole: RegExp;

  constructor(readonly source: string) {
    this.whole = new RegExp(`^(?:${source})$`);
  }

  /** Matcher.matches(): the match of the entire input, or null. */
  matches(input: string): RegExpExecArray | null {
    return this.whole.exec(input);
  }

  toString(): string {
    return this.source;
  }
}

/** The message of the error compiling `source`, or null when it compiles. */
export function regexError(source: string): string | null {
  try {
    new JavaPattern(source);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** transforms.util.RegexValidator. */
export const RegexValidator: Validator = {
  ensureValid(name, value) {
    const message = regexError(String(value));
    if (message !== null) throw new ConfigException(name, value, `Invalid regex: ${message}`);
  },
  toString: () => 'valid regex',
};

/**
 * Expands a Java replacement string against a whole-input match, which is what `replaceFirst` returns after
 * `matches()` succeeded. A group reference takes as many digits as still name an existing group, as Java does.
 */
export function expandJavaReplacement(replacement: string, match: RegExpExecArray): string {
  let result = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i] as string;
    if (c === '\\') {
      i++;
      if (i >= replacement.length) throw new RangeError('character to be escaped is missing');
      result += replacement[i];
    } else if (c === '$') {
      i++;
      if (i >= replacement.length) throw new RangeError('Illegal group reference: group index is missing');
      if (replacement[i] === '{') {
        const end = replacement.indexOf('}', i);
        if (end < 0) throw new RangeError("named capturing group is missing trailing '}'");
        const name = replacement.slice(i + 1, end);
        const groups = match.groups ?? {};
        if (!Object.hasOwn(groups, name)) throw new RangeError(`No group with name {${name}}`);
        result += groups[name] ?? '';
        i = end;
      } else {
        if (!/[0-9]/.test(replacement[i] as string)) throw new RangeError('Illegal group reference');
        let group = Number(replacement[i]);
        if (group >= match.length) throw new RangeError(`No group ${group}`);
        while (i + 1 < replacement.length && /[0-9]/.test(replacement[i + 1] as string)) {
          const next = group * 10 + Number(replacement[i + 1]);
          if (next >= match.length) break;
          group = next;
          i++;
        }
        result += match[group] ?? '';
      }
    } else {
      result += c;
    }
  }
  return result;
}
