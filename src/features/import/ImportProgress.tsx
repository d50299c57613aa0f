import type { ApkgProgress } from './anki/load-apkg';

export interface ImportProgressProps {
  /** Null until the reader reports (a text file never does: it is read at once). */
  readonly progress: ApkgProgress | null;
  readonly onCancel: () => void;
}

/** How far a package is read and converted, with the way out; nothing is written until "Add". */
export function ImportProgress({ progress, onCancel }: ImportProgressProps) {
  const isConverting = progress?.stage === 'convert' && progress.total > 0;
  const label = isConverting
    ? `Converting cards: ${Math.floor(progress.done / 2).toLocaleString('en')} of ${(progress.total / 2).toLocaleString('en')}`
    : 'Reading the file…';
  return (
    <div className="import-progress">
      <label>
        {label}
        <progress {...(isConverting ? { value: progress.done, max: progress.total } : {})} />
      </label>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
