/** ConfigDef's validators, with Kafka's messages and toString descriptions. */
import { ConfigException } from '../errors.ts';
import type { Validator } from './config-def.ts';

export const Range = {
  atLeast(min: number): Validator {
    return range(min, null);
  },
  between(min: number, max: number): Validator {
    return range(min, max);
  },
};

function range(min: number | null, max: number | null): Validator {
  return {
    ensureValid(name, value) {
      if (value === null || value === undefined)
        throw new ConfigException(name, null, 'Value must be non-null');
      const n = Number(value);
      if (min !== null && n < min) throw new ConfigException(name, value, `Value must be at least ${min}`);
      if (max !== null && n > max)
        throw new ConfigException(name, value, `Value must be no more than ${max}`);
    },
    toString() {
      if (min === null && max === null) return '[...]';
      if (min === null) return `[...,${max}]`;
      if (max === null) return `[${min},...]`;
      return `[${min},...,${max}]`;
    },
  };
}

export const ValidString = {
  in(...validStrings: string[]): Validator {
    return {
      ensureValid(name, value) {
        if (!validStrings.includes(value as string)) {
          throw new ConfigException(name, value, `String must be one of: ${validStrings.join(', ')}`);
        }
      },
      toString: () => `[${validStrings.join(', ')}]`,
    };
  },
};

export const CaseInsensitiveValidString = {
  in(...validStrings: string[]): Validator {
    const upper = new Set(validStrings.map((s) => s.toUpperCase()));
    return {
      ensureValid(name, value) {
        if (typeof value !== 'string' || !upper.has(value.toUpperCase())) {
          throw new ConfigException(
            name,
            value,
            `String must be one of (case insensitive): ${[...upper].join(', ')}`,
          );
        }
      },
      toString: () => `(case insensitive) [${[...upper].join(', ')}]`,
    };
  },
};

export const ValidList = {
  in(...validStrings: string[]): Validator {
    const each = ValidString.in(...validStrings);
    return {
      ensureValid(name, value) {
        for (const item of (value as string[] | null) ?? []) each.ensureValid(name, item);
      },
      toString: () => each.toString(),
    };
  },
};

export const NonNullValidator: Validator = {
  ensureValid(name, value) {
    if (value === null || value === undefined)
      throw new ConfigException(name, 'null', 'entry must be non null');
  },
  toString: () => 'non-null string',
};

export const NonEmptyString: Validator = {
  ensureValid(name, value) {
    if (typeof value === 'string' && value === '')
      throw new ConfigException(name, value, 'String must be non-empty');
  },
  toString: () => 'non-empty string',
};

export const NonEmptyStringWithoutControlChars: Validator = {
  ensureValid(name, value) {
    if (value === null || value === undefined) return;
    const s = value as string;
    if (s === '') throw new ConfigException(name, value, 'String may not be empty');
    const illegal = [...s]
      .map((c) => c.codePointAt(0) as number)
      .filter((c) => c <= 0x1f || (c >= 0x7f && c <= 0x9f));
    if (illegal.length > 0) {
      throw new ConfigException(
        name,
        value,
        `String may not contain control sequences but had the following ASCII chars: ${illegal.join(', ')}`,
      );
    }
  },
  toString: () => 'non-empty string without ISO control characters',
};

/** transforms.util.NonEmptyListValidator. */
export const NonEmptyListValidator: Validator = {
  ensureValid(name, value) {
    if (value === null || value === undefined || (value as unknown[]).length === 0) {
      throw new ConfigException(name, value, 'Empty list');
    }
  },
  toString: () => 'non-empty list',
};

export const CompositeValidator = {
  of(...validators: Validator[]): Validator {
    return {
      ensureValid(name, value) {
        for (const validator of validators) validator.ensureValid(name, value);
      },
      toString: () => validators.map((validator) => validator.toString()).join(', '),
    };
  },
};

export const LambdaValidator = {
  with(ensureValid: (name: string, value: unknown) => void, describe: () => string): Validator {
    return { ensureValid, toString: describe };
  },
};

export const ListSize = {
  atMostOfSize(maxSize: number): Validator {
    return {
      ensureValid(name, value) {
        if ((value as unknown[]).length > maxSize) {
          throw new ConfigException(name, value, `exceeds maximum list size of [${maxSize}].`);
        }
      },
      toString: () => `List containing maximum of ${maxSize} elements`,
    };
  },
};
