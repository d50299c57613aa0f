import { useState } from 'react';
import { asDeckId } from '../../domain/ids';
import type { CardState } from '../../domain/scheduling/types';
import { effectiveSettings, overridesFor, type DeckOverrides } from '../../domain/settings/deck-overrides';
import { useStudyStore } from '../../store';
import { SchedulerForm } from './SchedulerForm';

const ALL = '';
const hasOwn = (overrides: DeckOverrides | undefined) => overrides !== undefined && Object.keys(overrides).length > 0;

/** Scheduler settings for all decks, or one deck's overrides of them. */
export function SchedulerSettings({ states }: { readonly states: readonly CardState[] | null }) {
  const settings = useStudyStore((s) => s.settings);
  const deckOverrides = useStudyStore((s) => s.deckOverrides);
  const deckEntries = useStudyStore((s) => s.deckEntries);
  const saveStudySettings = useStudyStore((s) => s.saveStudySettings);
  const saveDeckOverrides = useStudyStore((s) => s.saveDeckOverrides);
  const [scope, setScope] = useState(ALL);
  const [resetCount, setResetCount] = useState(0);

  const deckId = scope === ALL ? null : asDeckId(scope);
  const overrides = deckId ? deckOverrides.get(deckId) : undefined;
  const hasOverrides = hasOwn(overrides);
  const initial = deckId ? effectiveSettings(settings, overrides) : settings;
  const scopedStates = deckId && states ? states.filter((s) => s.deckId === deckId) : states;

  return (
    <section className="settings-section" aria-labelledby="scheduler-title">
      <h2 id="scheduler-title">Scheduling</h2>
      <div className="settings-field">
        <label htmlFor="settings-scope">Settings for</label>
        <select id="settings-scope" value={scope} onChange={(event) => setScope(event.target.value)}>
          <option value={ALL}>All decks</option>
          {deckEntries.map((entry) => (
            <option key={entry.listing.id} value={entry.listing.id}>
              {`Only ${entry.listing.title}${hasOwn(deckOverrides.get(entry.listing.id)) ? ' (own settings)' : ''}`}
            </option>
          ))}
        </select>
      </div>
      {deckId && (
        <div className="settings-deck-note">
          <p>
            {hasOverrides
              ? 'This deck has its own values; the fields you leave as they are for all decks follow the all-deck settings.'
              : 'This deck follows the all-deck settings. Change a value here to give this deck its own.'}
          </p>
          {hasOverrides && (
            <button type="button" className="button" onClick={() => void saveDeckOverrides(deckId, {}).then(() => setResetCount((n) => n + 1))}>
              Use the all-deck settings for this deck
            </button>
          )}
        </div>
      )}
      {/* Keyed so that switching deck, or resetting one, starts a fresh draft. */}
      <SchedulerForm
        key={`${scope}:${resetCount}`}
        initial={initial}
        isDeck={deckId !== null}
        states={scopedStates}
        onSave={(value) => (deckId ? saveDeckOverrides(deckId, overridesFor(settings, { ...overrides, ...value })) : saveStudySettings({ ...settings, ...value }))}
      />
    </section>
  );
}
