/**
 * Light, dark, or the system's choice (prefers-color-scheme). An explicit choice is stored in localStorage and
 * set as data-theme on <html>; the system's needs no attribute: globals.css defines the `dark` variant as
 * data-theme=dark, or prefers-color-scheme: dark unless data-theme=light, so it follows the system live.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'sluice-theme';

export const THEME_CHOICES: ThemeChoice[] = ['system', 'light', 'dark'];

export function isExplicitTheme(value: unknown): value is 'light' | 'dark' {
  return value === 'light' || value === 'dark';
}

/**
 * Runs in <head> before the body is parsed, so the first paint already has the stored theme (no flash of the
 * other one). Kept to ES5 and free of "<" so it is safe as inline script text. localStorage can throw (disabled
 * storage, sandboxed frames); the system's theme applies then.
 */
export const THEME_BOOT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.setAttribute('data-theme',t)}catch(e){}`;
