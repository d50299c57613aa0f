import { useState } from 'react';
import { CARD_FONT_SIZES, THEMES, type Appearance, type CardFontSize, type Theme } from '../../domain/settings/appearance';
import { useStudyStore } from '../../store';

const THEME_LABELS: Readonly<Record<Theme, string>> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };
const SIZE_LABELS: Readonly<Record<CardFontSize, string>> = { small: 'Small', medium: 'Medium', large: 'Large', 'x-large': 'Extra large' };

/** Theme, motion and card text size; each change is saved and applied at once. */
export function AppearanceSettings() {
  const appearance = useStudyStore((s) => s.appearance);
  const saveAppearance = useStudyStore((s) => s.saveAppearance);
  const [error, setError] = useState<string | null>(null);

  const change = async (next: Partial<Appearance>) => setError(await saveAppearance(next));

  return (
    <section className="settings-section" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <fieldset className="settings-choices">
        <legend>Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="settings-check">
            <input type="radio" name="theme" value={theme} checked={appearance.theme === theme} onChange={() => void change({ theme })} />
            {THEME_LABELS[theme]}
          </label>
        ))}
      </fieldset>
      <label className="settings-check">
        <input type="checkbox" checked={appearance.isReducedMotion} onChange={(event) => void change({ isReducedMotion: event.target.checked })} />
        Reduce motion (no card-flip animation)
      </label>
      <div className="settings-field">
        <label htmlFor="cardFontSize">Card text size</label>
        <select id="cardFontSize" value={appearance.cardFontSize} onChange={(event) => void change({ cardFontSize: event.target.value as CardFontSize })}>
          {CARD_FONT_SIZES.map((size) => (
            <option key={size} value={size}>
              {SIZE_LABELS[size]}
            </option>
          ))}
        </select>
      </div>
      <p className="settings-field__hint">Press <kbd>?</kbd> on any screen to see the keyboard shortcuts.</p>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
    </section>
  );
}
