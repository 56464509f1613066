import { connectorConfig, connectorOffsetsBody } from '@sluice/validators';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parse(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A connector config typed as JSON: an object of string values, as Kafka Connect takes it. */
export function parseConnectorConfigJson(text: string): Parsed<Record<string, string>> {
  const json = parse(text);
  if (!json.ok) return json;
  const config = connectorConfig.safeParse(json.value);
  if (!config.success)
    return {
      ok: false,
      error: `a config is a JSON object of strings: ${config.error.issues
        .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
        .join('; ')}`,
    };
  return { ok: true, value: config.data };
}

/** The body of `PATCH /connectors/{name}/offsets`: `{"offsets": [{"partition": {...}, "offset": {...}}]}`. */
export function parseOffsetsJson(
  text: string,
): Parsed<{ offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[] }> {
  const json = parse(text);
  if (!json.ok) return json;
  const body = connectorOffsetsBody.safeParse(json.value);
  if (!body.success)
    return {
      ok: false,
      error: `offsets are {"offsets": [{"partition": {...}, "offset": {...}}]}: ${body.error.issues
        .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
        .join('; ')}`,
    };
  return { ok: true, value: body.data };
}
