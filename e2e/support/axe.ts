/** axe-core (WCAG 2.1 A and AA: labels, names, roles, landmarks and colour contrast) on a page in both themes. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now. */
export async function violations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, so no Content-Security-Policy of the page's can refuse it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
    };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  });
}

/**
 * The page at `path` in the light and the dark theme, each once `ready` says its content has settled; every
 * violation is named in the (soft) failure. Leaves the page in the light theme.
 */
export async function expectAccessible(
  page: Page,
  path: string,
  ready: (page: Page) => Promise<void>,
): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(path);
    await ready(page);
    // Transitions on theme colours finish before contrast is measured.
    await page.waitForTimeout(300);
    expect.soft(await violations(page), `${path} in the ${colorScheme} theme`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
