/**
 * "Export to Anki (.apkg)" on a deck's page: the deck, its subdecks, their images and review
 * history as a package Anki imports (docs/import-export.md, "Export to Anki"). The writer and
 * sql.js load only when the button is pressed, and run in a worker with a progress bar and Cancel.
 */
import { useRef, useState } from 'react';
import { downloadBlob } from '../../components/download';
import { portableDeckId } from '../../domain/deck/user-deck';
import type { DeckId } from '../../domain/ids';
import { plural } from '../../domain/stats/format';
import { useStudyStore } from '../../store';
import type { ApkgExportProgress } from './anki/export-apkg';
import './import.css';

export interface ExportToAnkiProps {
  readonly deckId: DeckId;
}

type Status =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly progress: ApkgExportProgress | null }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

const STAGE_LABEL: Readonly<Record<ApkgExportProgress['stage'], string>> = {
  build: 'Preparing cards',
  write: 'Writing the collection',
  zip: 'Packing the file',
};

export function ExportToAnki({ deckId }: ExportToAnkiProps) {
  const readAnkiExport = useStudyStore((s) => s.readAnkiExport);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function run() {
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'running', progress: null });
    try {
      const [{ exportAnkiPackage }, source] = await Promise.all([import('./anki/export-apkg'), readAnkiExport(deckId)]);
      const bytes = await exportAnkiPackage(source, { signal: controller.signal, onProgress: (progress) => setStatus({ kind: 'running', progress }) });
      downloadBlob(`${portableDeckId(deckId)}.apkg`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
      const cardCount = source.decks.reduce((sum, deck) => sum + deck.cards.length, 0);
      setStatus({ kind: 'done', message: `Exported ${plural(cardCount, 'card')} and ${plural(source.reviews.length, 'review')} for Anki.` });
    } catch (error) {
      if (controller.signal.aborted) setStatus({ kind: 'done', message: 'Export cancelled; no file was saved.' });
      else setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      abort.current = null;
    }
  }

  if (status.kind === 'running') {
    const { progress } = status;
    const hasTotal = progress !== null && progress.total > 0;
    const label = progress === null ? 'Reading the deck…' : hasTotal ? `${STAGE_LABEL[progress.stage]}: ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}` : `${STAGE_LABEL[progress.stage]}…`;
    return (
      <div className="import-progress">
        <label>
          {label}
          <progress {...(hasTotal ? { value: progress.done, max: progress.total } : {})} />
        </label>
        <button type="button" className="button" onClick={() => abort.current?.abort(new DOMException('Export cancelled', 'AbortError'))}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <>
      <button type="button" className="button" onClick={() => void run()}>
        Export to Anki (.apkg)
      </button>
      {status.kind === 'done' ? <p role="status">{status.message}</p> : null}
      {status.kind === 'error' ? <p role="alert">{status.message}</p> : null}
    </>
  );
}
