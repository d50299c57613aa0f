/**
 * A copy of the chosen theme in localStorage, read by the boot script (scripts/vite-plugin-shell.ts)
 * before anything paints, so the prerendered first screen appears in the student's theme. The
 * appearance in IndexedDB stays the source of truth; this is only a hint. No imports: the build
 * reads the key from here too.
 */
export const THEME_HINT_KEY = 'flipdeck:theme';

/** Remembers an explicit theme; 'system' needs no hint (the stylesheet follows the system). */
export function saveThemeHint(theme: 'system' | 'light' | 'dark'): void {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_HINT_KEY);
    else localStorage.setItem(THEME_HINT_KEY, theme);
  } catch {
    // Storage refused (private mode, quota): the first paint just follows the system theme.
  }
}
