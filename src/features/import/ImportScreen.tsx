import { useEffect, useMemo, useRef, useState } from 'react';
import { deckFamily } from '../../domain/deck/deck-tree';
import { userDeckId } from '../../domain/deck/user-deck';
import { formatBytes } from '../../domain/format-bytes';
import { MAX_PACKAGE_IMPORT_BYTES, MAX_TEXT_IMPORT_BYTES, assertSize, importSizeLimit } from '../../domain/import/decode-text';
import type { DelimitedOptions } from '../../domain/import/parse-delimited';
import { routeHash } from '../../domain/routes/routes';
import { plural } from '../../domain/stats/format';
import { deckTreeOf, studyStore, useStudyStore } from '../../store';
import { AddImportedDeck } from '../../components/AddImportedDeck';
import { CsvOptionsForm } from './CsvOptionsForm';
import { ImportFailure } from '../../components/ImportProblems';
import { readImport, type ChosenFile, type ImportOutcome } from './read-import';
import type { ApkgProgress } from './anki/load-apkg';
import { ImportProgress } from './ImportProgress';
import './import.css';

const ACCEPT = '.csv,.tsv,.txt,.md,.markdown,.json,.apkg,.colpkg,text/csv,text/tab-separated-values,text/plain,text/markdown,application/json';

const ANKI_NOTE =
  'From Anki packages, Flipdeck imports the notes as cards, with their review history: each card is scheduled by replaying its reviews with FSRS. Images and sounds are kept on this device. A newer export of a deck you imported updates it in place, whatever the file is called, and adds only the reviews that are new.';

/** #/import: choose a file, check the preview, then add it. Nothing is written before "Add". */
export function ImportScreen() {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [csvOptions, setCsvOptions] = useState<DelimitedOptions | undefined>(undefined);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [isWithHistory, setIsWithHistory] = useState(true);
  const [progress, setProgress] = useState<ApkgProgress | null>(null);
  const reading = useRef<AbortController | null>(null);
  const [isCancelled, setIsCancelled] = useState(false);
  const imported = outcome?.ok === true ? outcome.deck : undefined;
  const decks = useStudyStore((s) => s.decks);
  const deckEntries = useStudyStore((s) => s.deckEntries);
  // The deck an import updates, with its subdecks' cards: what "N new, M changed" compares with.
  const existing = useMemo(() => {
    const root = imported ? decks.get(userDeckId(imported.slug)) : undefined;
    if (!root) return undefined;
    const family = deckFamily(deckTreeOf({ deckEntries }), root.id);
    return { ...root, cards: family.flatMap((id) => decks.get(id)?.cards ?? []) };
  }, [imported, decks, deckEntries]);
  const addImportedDeck = useStudyStore((s) => s.addImportedDeck);
  const history = imported?.history;
  const hasHistory = history !== undefined && history.cards.length > 0;

  useEffect(() => {
    if (!file) return;
    let isCurrent = true;
    const controller = new AbortController();
    reading.current = controller;
    // The decks as they are when the file is read; a later change does not re-read the file.
    const apkgOptions = { signal: controller.signal, onProgress: (next: ApkgProgress) => isCurrent && setProgress(next) };
    void readImport(file, csvOptions, studyStore.getState().decks.values(), apkgOptions).then((result) => {
      if (!isCurrent || controller.signal.aborted) return;
      setOutcome(result);
    });
    return () => {
      isCurrent = false;
      controller.abort(new DOMException('Replaced by another file', 'AbortError'));
    };
  }, [file, csvOptions]);

  function cancel() {
    reading.current?.abort(new DOMException('Cancelled', 'AbortError'));
    setFile(null);
    setOutcome(null);
    setIsCancelled(true);
  }

  async function choose(chosen: File | undefined) {
    setOutcome(null);
    setIsWithHistory(true);
    setIsCancelled(false);
    setProgress(null);
    setCsvOptions(undefined);
    setFile(null);
    if (!chosen) return;
    try {
      // Refused by size before a byte is read, so a huge file cannot stall the tab.
      assertSize(chosen.size, chosen.name, importSizeLimit(chosen.name));
      setFile({ name: chosen.name, bytes: new Uint8Array(await chosen.arrayBuffer()) });
    } catch (error) {
      setOutcome({ ok: false, kind: 'delimited', error });
    }
  }

  return (
    <section className="import-screen" aria-labelledby="import-title">
      <p>
        <a href={routeHash({ name: 'decks' })}>
          <span aria-hidden="true">←</span> All decks
        </a>
      </p>
      <h1 id="import-title">Import a deck</h1>
      <p>
        An Anki package (.apkg), CSV or TSV (Anki “Notes in Plain Text”, Quizlet, spreadsheets: front and back columns), a Markdown
        deck, or a Flipdeck deck JSON file. Up to {formatBytes(MAX_TEXT_IMPORT_BYTES)} per text file and {formatBytes(MAX_PACKAGE_IMPORT_BYTES)} per
        Anki package. You see a preview before anything is added.{' '}
        <a href={routeHash({ name: 'backup' })}>Backup and restore</a> is on its own page.
      </p>
      <label className="file-field">
        Deck file
        <input type="file" accept={ACCEPT} onChange={(event) => void choose(event.target.files?.[0])} />
      </label>
      {file && !outcome ? <ImportProgress progress={progress} onCancel={cancel} /> : null}
      {isCancelled ? <p role="status">Import cancelled. Nothing was added.</p> : null}
      {outcome?.csvOptions ? <CsvOptionsForm options={outcome.csvOptions} onChange={setCsvOptions} /> : null}
      {outcome?.ok === false ? <ImportFailure error={outcome.error} outcome="Nothing was imported" /> : null}
      {outcome?.ok === true ? <AddImportedDeck
          key={`${file?.name}:${outcome.deck.cards.length}`}
          deck={outcome.deck}
          existing={existing}
          onAdd={(deck) => addImportedDeck(deck, { withHistory: isWithHistory })}
          {...(outcome.kind === 'apkg' ? { note: ANKI_NOTE } : {})}
        >
          {hasHistory ? (
            <label className="check-field">
              <input type="checkbox" checked={isWithHistory} onChange={(event) => setIsWithHistory(event.target.checked)} />
              Bring the review history and scheduling ({plural(history.reviewCount, 'review')}); without it every card starts as new
            </label>
          ) : null}
        </AddImportedDeck> : null}
    </section>
  );
}
