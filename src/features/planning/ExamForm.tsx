import { useState } from 'react';
import { parseExamDraft, toExamDraft, type ExamDraft, type ExamSettings } from '../../domain/planning/exam-form';
import { SettingsError } from '../../domain/settings/errors';

export interface ExamFormProps {
  readonly current: ExamSettings;
  readonly now: number;
  readonly dayStartHour: number;
  /** Saves; resolves with an error message, or null once saved. */
  readonly onSave: (exam: ExamSettings) => Promise<string | null>;
}

type FieldName = keyof ExamDraft;
const FIELDS: readonly { readonly name: FieldName; readonly label: string; readonly hint: string; readonly type: 'date' | 'text' }[] = [
  { name: 'date', label: 'Exam date', hint: 'Leave empty to study without an exam date.', type: 'date' },
  { name: 'targetPercent', label: 'Target recall on exam day (%)', hint: '70 to 99; 95 by default.', type: 'text' },
  { name: 'dailyMinutes', label: 'Study time a day (minutes)', hint: 'Optional: the plan never asks for more.', type: 'text' },
];

/** The deck's exam date, target and daily budget, saved as the deck's own settings. */
export function ExamForm({ current, now, dayStartHour, onSave }: ExamFormProps) {
  const [draft, setDraft] = useState<ExamDraft>(() => toExamDraft(current));
  const [error, setError] = useState<{ readonly field: FieldName | null; readonly message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async (next: ExamDraft) => {
    setSaved(null);
    let exam: ExamSettings;
    try {
      exam = parseExamDraft(next, now, dayStartHour);
    } catch (caught) {
      if (!(caught instanceof SettingsError)) throw caught;
      setError({ field: caught.field as FieldName, message: caught.message });
      return;
    }
    const failure = await onSave(exam);
    setError(failure === null ? null : { field: null, message: failure });
    if (failure === null) setSaved(exam.examAt === null ? 'Exam date removed: normal scheduling.' : 'Exam settings saved.');
  };

  return (
    <form
      className="exam-form"
      aria-labelledby="exam-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save(draft);
      }}
    >
      <h2 id="exam-form-title">Exam</h2>
      {FIELDS.map((field) => {
        const id = `exam-${field.name}`;
        const fieldError = error?.field === field.name ? error.message : undefined;
        return (
          <div className="exam-form__field" key={field.name}>
            <label htmlFor={id}>{field.label}</label>
            <p id={`${id}-hint`} className="exam-form__hint">{field.hint}</p>
            <input
              id={id}
              name={id}
              type={field.type}
              inputMode={field.type === 'text' ? 'numeric' : undefined}
              autoComplete="off"
              value={draft[field.name]}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${id}-hint ${id}-error` : `${id}-hint`}
              onChange={(event) => setDraft({ ...draft, [field.name]: event.target.value })}
            />
            {fieldError ? <p id={`${id}-error`} className="exam-form__error">{fieldError}</p> : null}
          </div>
        );
      })}
      <p className="exam-form__actions">
        <button type="submit" className="button button--primary">Save exam</button>{' '}
        {current.examAt !== null ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              const cleared = { ...draft, date: '' };
              setDraft(cleared);
              void save(cleared);
            }}
          >
            Remove exam date
          </button>
        ) : null}
      </p>
      {error?.field === null ? <p role="alert" className="notice notice--error">{error.message}</p> : null}
      <p role="status" className="exam-form__status">{saved ?? ''}</p>
    </form>
  );
}
