/**
 * The quotas page's forms as text fields, turned into the API's input and checked with the shared schemas
 * (createClientQuotaInput, editClientQuotaInput), so the forms refuse exactly what the API refuses. Issues come
 * back keyed by the field they belong to.
 */
import {
  CLIENT_QUOTA_KEYS,
  createClientQuotaInput,
  editClientQuotaInput,
  type ClientQuotaKey,
  type CreateClientQuotaInput,
  type EditClientQuotaInput,
} from '@sluice/validators';

export const ENTITY_KINDS = [
  { value: 'user', label: 'A user' },
  { value: 'client-id', label: 'A client-id' },
  { value: 'user+client-id', label: "A user's client-id" },
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number]['value'];

/** Each key's label and unit, in Kafka's names. */
export const QUOTA_FIELDS: Record<ClientQuotaKey, { unit: string; hint: string }> = {
  producer_byte_rate: { unit: 'bytes/s', hint: 'Produce bytes a second' },
  consumer_byte_rate: { unit: 'bytes/s', hint: 'Fetch bytes a second' },
  request_percentage: { unit: '%', hint: 'Percent of one request handler thread, per quota window' },
  controller_mutation_rate: { unit: 'partitions/s', hint: 'Partitions created or deleted a second' },
};

export type QuotaTexts = Record<ClientQuotaKey, string>;

export const NO_QUOTAS: QuotaTexts = {
  producer_byte_rate: '',
  consumer_byte_rate: '',
  request_percentage: '',
  controller_mutation_rate: '',
};

export interface CreateQuotaFormValues extends QuotaTexts {
  kind: EntityKind;
  user: string;
  /** The `<default>` user instead of a name. */
  userDefault: boolean;
  clientId: string;
  clientDefault: boolean;
}

export const EMPTY_CREATE_QUOTA_FORM: CreateQuotaFormValues = {
  kind: 'user',
  user: '',
  userDefault: false,
  clientId: '',
  clientDefault: false,
  ...NO_QUOTAS,
};

/** A number as typed; anything that is not one becomes NaN, which the schema names as "a quota is a number". */
function numberOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function createQuotaInput(values: CreateQuotaFormValues) {
  const entity: Record<string, string | null> = {};
  if (values.kind !== 'client-id') entity.user = values.userDefault ? null : values.user;
  if (values.kind !== 'user') entity['client-id'] = values.clientDefault ? null : values.clientId;
  const quotas: Partial<Record<ClientQuotaKey, number>> = {};
  for (const key of CLIENT_QUOTA_KEYS) if (values[key].trim() !== '') quotas[key] = numberOf(values[key]);
  return { entity, quotas };
}

export type CreateQuotaField = keyof CreateQuotaFormValues | 'root';

/** The field an issue of createClientQuotaInput belongs to. */
export function createQuotaField(path: readonly PropertyKey[]): CreateQuotaField {
  const [first, second] = path;
  if (first === 'entity') return second === 'user' ? 'user' : second === 'client-id' ? 'clientId' : 'kind';
  if (first === 'quotas' && (CLIENT_QUOTA_KEYS as readonly PropertyKey[]).includes(second!))
    return second as ClientQuotaKey;
  return 'root';
}

export function checkCreateQuota(
  values: CreateQuotaFormValues,
):
  | { ok: true; input: CreateClientQuotaInput }
  | { ok: false; errors: Partial<Record<CreateQuotaField, string>> } {
  const parsed = createClientQuotaInput.safeParse(createQuotaInput(values));
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Partial<Record<CreateQuotaField, string>> = {};
  for (const issue of parsed.error.issues) errors[createQuotaField(issue.path)] ??= issue.message;
  return { ok: false, errors };
}

/** The edit form's fields from an entity's quotas: the value as text, empty where none is set. */
export function quotaTexts(quotas: Readonly<Record<string, number>>): QuotaTexts {
  const texts = { ...NO_QUOTAS };
  for (const key of CLIENT_QUOTA_KEYS) if (quotas[key] !== undefined) texts[key] = String(quotas[key]);
  return texts;
}

/**
 * The changes an edit makes: a field emptied removes its quota (null), a changed one sets it; untouched ones are
 * left out, so an edit that changes nothing is refused by the schema ("change at least one quota").
 */
export function checkEditQuota(
  entity: EditClientQuotaInput['entity'],
  current: Readonly<Record<string, number>>,
  texts: QuotaTexts,
):
  | { ok: true; input: EditClientQuotaInput }
  | { ok: false; errors: Partial<Record<ClientQuotaKey | 'root', string>> } {
  const changes: Partial<Record<ClientQuotaKey, number | null>> = {};
  for (const key of CLIENT_QUOTA_KEYS) {
    const text = texts[key].trim();
    if (text === '') {
      if (current[key] !== undefined) changes[key] = null;
    } else if (numberOf(text) !== current[key]) {
      changes[key] = numberOf(text);
    }
  }
  const parsed = editClientQuotaInput.safeParse({ entity, changes });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Partial<Record<ClientQuotaKey | 'root', string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[1];
    const field =
      issue.path[0] === 'changes' && (CLIENT_QUOTA_KEYS as readonly PropertyKey[]).includes(key!)
        ? (key as ClientQuotaKey)
        : 'root';
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
