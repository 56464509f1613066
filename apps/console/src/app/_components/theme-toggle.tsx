'use client';

import { useSyncExternalStore } from 'react';
import { isExplicitTheme, THEME_CHOICES, THEME_STORAGE_KEY, type ThemeChoice } from '~/lib/theme';

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const listeners = new Set<() => void>();

function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', choice);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's choice applies here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY)
      applyTheme(isExplicitTheme(event.newValue) ? event.newValue : 'system');
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The attribute the boot script set is the truth; storage may be unavailable. */
function currentTheme(): ThemeChoice {
  const attribute = document.documentElement.getAttribute('data-theme');
  return isExplicitTheme(attribute) ? attribute : 'system';
}

function choose(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Without storage the choice lasts until the page is left.
  }
  applyTheme(choice);
}

/** Three radio buttons (System, Light, Dark): arrow keys move between them, as in any radio group. */
export function ThemeToggle() {
  // The server cannot know the stored choice; it renders "System" and the browser corrects it on hydration.
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'system' as const);
  return (
    <fieldset className="flex items-center rounded-md border border-zinc-300 p-0.5 text-xs dark:border-zinc-700">
      <legend className="sr-only">Theme</legend>
      {THEME_CHOICES.map((choice) => (
        <label
          key={choice}
          className="relative cursor-pointer rounded px-2 py-1 font-medium text-zinc-600 has-checked:bg-zinc-200 has-checked:text-zinc-900 has-focus-visible:ring-2 has-focus-visible:ring-sky-500 dark:text-zinc-300 dark:has-checked:bg-zinc-700 dark:has-checked:text-zinc-50"
        >
          <input
            type="radio"
            name="theme"
            value={choice}
            checked={theme === choice}
            onChange={() => choose(choice)}
            // Invisible but covering its label, so a pointer lands on the radio itself.
            className="absolute inset-0 cursor-pointer appearance-none opacity-0"
          />
          {LABELS[choice]}
        </label>
      ))}
    </fieldset>
  );
}
