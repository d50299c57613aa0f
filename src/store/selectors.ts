/**
 * Values derived from the store's state that several slices need. A leaf module: it imports no
 * slice, so slices can share these without importing each other.
 */
import type { DeckId } from '../domain/ids';
import { effectiveSettings } from '../domain/settings/deck-overrides';
import type { StudySettings } from '../domain/settings/study-settings';
import type { StudyState } from './study-store';

/** The settings one deck studies with: the all-deck settings under its overrides. */
export function settingsForDeck(state: Pick<StudyState, 'settings' | 'deckOverrides'>, deckId: DeckId): StudySettings {
  return effectiveSettings(state.settings, state.deckOverrides.get(deckId));
}
