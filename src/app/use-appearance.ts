import { useEffect } from 'react';
import { CARD_FONT_SCALE } from '../domain/settings/appearance';
import { useStudyStore } from '../store';
import { saveThemeHint } from './theme-hint';

/**
 * Mirrors the appearance settings onto <html>: data-theme (absent for 'system', so the
 * prefers-color-scheme rules apply), data-reduced-motion, and --card-font-scale. Nothing changes
 * until the stored appearance has been read: applying the defaults first would flash the wrong theme.
 */
export function useAppearance(): void {
  const appearance = useStudyStore((s) => s.appearance);
  const isLoaded = useStudyStore((s) => s.isAppearanceLoaded);
  useEffect(() => {
    if (!isLoaded) return;
    const root = document.documentElement;
    if (appearance.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = appearance.theme;
    if (appearance.isReducedMotion) root.dataset.reducedMotion = 'true';
    else delete root.dataset.reducedMotion;
    root.style.setProperty('--card-font-scale', String(CARD_FONT_SCALE[appearance.cardFontSize]));
    saveThemeHint(appearance.theme);
  }, [appearance, isLoaded]);
}

