import { useState, type FormEvent } from 'react';
import type { CardState } from '../../domain/scheduling/types';
import type { StudySettings } from '../../domain/settings/study-settings';
import { parseRetention, toDraft, validateDraft, type DraftField, type SchedulerDraft, type SchedulerSettings } from '../../domain/settings/validate-settings';
import { ReviewLoadHint } from './ReviewLoadHint';
import { TextField } from './TextField';

export interface SchedulerFormProps {
  /** The values the form starts from (the deck's effective settings when editing one deck). */
  readonly initial: StudySettings;
  /** True when editing one deck: the study day's start is then not editable. */
  readonly isDeck: boolean;
  readonly states: readonly CardState[] | null;
  /** Saves valid settings; resolves with an error message, or null when saved. */
  readonly onSave: (value: SchedulerSettings) => Promise<string | null>;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const orNull = <T,>(parse: () => T): T | null => {
  try {
    return parse();
  } catch {
    return null;
  }
};

/** The scheduler settings form. Nothing is saved unless every field is valid. */
export function SchedulerForm({ initial, isDeck, states, onSave }: SchedulerFormProps) {
  const [draft, setDraft] = useState<SchedulerDraft>(() => toDraft(initial));
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [status, setStatus] = useState<{ readonly isError: boolean; readonly text: string } | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const edit = (field: DraftField) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setStatus(null);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = validateDraft(draft);
    if (!result.ok) {
      const messages = Object.fromEntries(Object.entries(result.errors).map(([field, error]) => [field, error.message]));
      setErrors(messages);
      setStatus({ isError: true, text: 'Not saved: fix the fields marked below.' });
      const first = Object.keys(messages)[0];
      if (first) document.getElementById(first)?.focus();
      return;
    }
    setErrors({});
    setIsSaving(true);
    const failure = await onSave(result.value);
    setIsSaving(false);
    setStatus(failure ? { isError: true, text: failure } : { isError: false, text: 'Saved. The next card you study uses these settings.' });
  }

  const retention = orNull(() => parseRetention(draft.desiredRetention));
  const newCards = Number.isInteger(Number(draft.newCardsPerDay)) ? Number(draft.newCardsPerDay) : null;

  return (
    <form className="settings-form" noValidate onSubmit={(event) => void submit(event)}>
      <TextField id="desiredRetention" label="Desired retention" inputMode="decimal" value={draft.desiredRetention} onChange={edit('desiredRetention')}
        hint="The chance of remembering a card when it comes due, from 0.70 to 0.99." error={errors.desiredRetention} />
      <ReviewLoadHint desiredRetention={retention} newCardsPerDay={newCards} weights={initial.fsrsWeights}
        maximumIntervalDays={initial.maximumIntervalDays} states={states} />
      <TextField id="newCardsPerDay" label="New cards per day" inputMode="numeric" value={draft.newCardsPerDay} onChange={edit('newCardsPerDay')} error={errors.newCardsPerDay} />
      <TextField id="reviewsPerDay" label="Maximum reviews per day" inputMode="numeric" value={draft.reviewsPerDay} onChange={edit('reviewsPerDay')} error={errors.reviewsPerDay} />
      <TextField id="learningSteps" label="Learning steps" value={draft.learningSteps} onChange={edit('learningSteps')}
        hint="Waits for a new card, e.g. 1m 10m (units: s, m, h, d)." error={errors.learningSteps} />
      <TextField id="relearningSteps" label="Relearning steps" value={draft.relearningSteps} onChange={edit('relearningSteps')}
        hint="Waits after you forget a card, e.g. 10m." error={errors.relearningSteps} />
      {!isDeck && (
        <div className="settings-field">
          <label htmlFor="dayStartHour">The study day starts at</label>
          <select id="dayStartHour" value={draft.dayStartHour} onChange={(event) => edit('dayStartHour')(event.target.value)}>
            {HOURS.map((hour) => (
              <option key={hour} value={String(hour)}>{`${String(hour).padStart(2, '0')}:00`}</option>
            ))}
          </select>
        </div>
      )}
      <label className="settings-check">
        <input type="checkbox" checked={draft.isFuzzEnabled} onChange={(event) => setDraft((d) => ({ ...d, isFuzzEnabled: event.target.checked }))} />
        Spread intervals a little (interval fuzz), so cards learnt together do not always fall due together
      </label>
      {!isDeck && (
        <>
          <label className="settings-check">
            <input type="checkbox" checked={draft.isLoadBalanced} onChange={(event) => setDraft((d) => ({ ...d, isLoadBalanced: event.target.checked }))} />
            Balance the load: within each review's fuzz range, pick the day with the fewest reviews already due
          </label>
          <fieldset className="settings-weekdays" disabled={!draft.isLoadBalanced}>
            <legend>Easy days: weekdays that get fewer reviews</legend>
            {WEEKDAYS.map((name, day) => (
              <label key={name} className="settings-check">
                <input
                  type="checkbox"
                  checked={draft.easyWeekdays.includes(day)}
                  onChange={(event) =>
                    setDraft((d) => ({ ...d, easyWeekdays: event.target.checked ? [...d.easyWeekdays, day] : d.easyWeekdays.filter((other) => other !== day) }))
                  }
                />
                {name}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <label className="settings-check">
        <input type="checkbox" checked={draft.isBuryingNewSiblings} onChange={(event) => setDraft((d) => ({ ...d, isBuryingNewSiblings: event.target.checked }))} />
        Bury new siblings: introduce one card of a note (a cloze note, or an Anki note) a day
      </label>
      <label className="settings-check">
        <input type="checkbox" checked={draft.isBuryingReviewSiblings} onChange={(event) => setDraft((d) => ({ ...d, isBuryingReviewSiblings: event.target.checked }))} />
        Bury review siblings: review one card of a note a day
      </label>
      <div className="settings-actions">
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {isDeck ? 'Save for this deck' : 'Save for all decks'}
        </button>
        <p role="status" className={status?.isError ? 'settings-status settings-status--error' : 'settings-status'}>
          {status?.text}
        </p>
      </div>
    </form>
  );
}
