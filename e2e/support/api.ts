/** The console's tRPC API as the console's own page scripts call it, for e2e specs. */
import type { Page } from '@playwright/test';

/** A tRPC call from the signed-in page, as its own scripts would send it (same origin, session cookie). */
export async function callApi(
  page: Page,
  path: string,
  input: unknown,
): Promise<{ status: number; body: { error?: { json: { message: string; data: { code: string } } } } }> {
  return page.evaluate(
    async ([path, input]) => {
      const response = await fetch(`/api/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: input }),
      });
      return { status: response.status, body: await response.json() };
    },
    [path, input] as const,
  );
}
