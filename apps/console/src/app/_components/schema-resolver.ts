import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * A react-hook-form resolver that checks what the API checks: the form's values (text, as inputs hold them) are
 * turned into the API's input and parsed by the shared zod schema. Each issue lands on the field its path names
 * (`fieldOf`), the first per field; an issue no field owns lands on `root` and shows under the form.
 */
export function schemaResolver<TValues extends FieldValues, TOutput>(
  schema: z.ZodType<TOutput>,
  toInput: (values: TValues) => unknown,
  fieldOf: (path: readonly PropertyKey[]) => keyof TValues | null,
): Resolver<TValues, unknown, TOutput> {
  return (values) => {
    const parsed = schema.safeParse(toInput(values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      const key = field === null ? 'root' : String(field);
      errors[key] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<TValues> };
  };
}
