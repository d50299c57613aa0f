import { isFlipdeckError } from '../domain/errors';
import './import-preview.css';

/** The lines of an import failure; each already names the file and the line or card. */
function problemLines(error: unknown): readonly string[] {
  const issues = (error as { issues?: readonly { message: string }[] }).issues;
  if (isFlipdeckError(error) && Array.isArray(issues)) return issues.map((issue) => issue.message);
  return [error instanceof Error ? error.message : String(error)];
}

export interface ImportFailureProps {
  readonly error: unknown;
  /** What was not done, e.g. "Nothing was imported". */
  readonly outcome: string;
}

/** Why an import or restore failed, and that nothing changed. */
export function ImportFailure({ error, outcome }: ImportFailureProps) {
  return (
    <div role="alert" className="notice notice--error import-failure">
      <p>
        <strong>{outcome}.</strong> Your existing decks and progress are unchanged.
      </p>
      <ul>
        {problemLines(error).map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

export interface ImportWarningsProps {
  readonly messages: readonly string[];
}

const SHOWN_WARNINGS = 50;

/** Rows that were skipped or changed, shown before anything is written. */
export function ImportWarnings({ messages }: ImportWarningsProps) {
  if (messages.length === 0) return <p>No problems found.</p>;
  const hidden = messages.length - SHOWN_WARNINGS;
  return (
    <div className="notice notice--warning">
      <p>
        {messages.length} problem{messages.length === 1 ? '' : 's'} found (these rows are left out; the rest can be added):
      </p>
      <ul className="import-problems">
        {messages.slice(0, SHOWN_WARNINGS).map((message, index) => (
          <li key={index}>{message}</li>
        ))}
        {hidden > 0 ? <li>…and {hidden} more</li> : null}
      </ul>
    </div>
  );
}
