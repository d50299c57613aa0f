/** How the app looks on this device: theme, motion and the size of card text. */
export type Theme = 'system' | 'light' | 'dark';
export type CardFontSize = 'small' | 'medium' | 'large' | 'x-large';

export interface Appearance {
  readonly theme: Theme;
  /** On: no card-flip animation, whatever the system setting. Off: follow the system setting. */
  readonly isReducedMotion: boolean;
  readonly cardFontSize: CardFontSize;
}

export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
export const CARD_FONT_SIZES: readonly CardFontSize[] = ['small', 'medium', 'large', 'x-large'];

/** Card text size relative to the default, applied as a CSS multiplier. */
export const CARD_FONT_SCALE: Readonly<Record<CardFontSize, number>> = { small: 0.875, medium: 1, large: 1.25, 'x-large': 1.5 };

export const DEFAULT_APPEARANCE: Appearance = { theme: 'system', isReducedMotion: false, cardFontSize: 'medium' };
