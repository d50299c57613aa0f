import type { HTMLAttributes } from 'react';

export interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Shown under the label; says what the field takes. */
  readonly hint?: string;
  /** Shown in red under the field; the field is marked invalid while it is set. */
  readonly error?: string | undefined;
  readonly inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
}

/** A labelled text input with its hint and inline error, both tied to it for screen readers. */
export function TextField({ id, label, value, onChange, hint, error, inputMode }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="settings-field__hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="settings-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
