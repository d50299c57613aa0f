import { useEffect, useState } from 'react';
import { userDeckId } from '../../domain/deck/user-deck';
import type { ImportedDeck } from '../../domain/import/imported-deck';
import { routeHash } from '../../domain/routes/routes';
import { decodeDeckLink } from '../../domain/share/share-link';
import { useStudyStore } from '../../store';
import { AddImportedDeck } from '../../components/AddImportedDeck';
import { ImportFailure } from '../../components/ImportProblems';

export interface SharedDeckScreenProps {
  readonly payload: string;
}

type Decoded = { readonly ok: true; readonly deck: ImportedDeck } | { readonly ok: false; readonly error: unknown };

/** #/shared/<payload>: a deck someone sent as a link, previewed before it is added. */
export function SharedDeckScreen({ payload }: SharedDeckScreenProps) {
  const [decoded, setDecoded] = useState<Decoded | null>(null);
  const shared = decoded?.ok === true ? decoded.deck : undefined;
  const existing = useStudyStore((s) => (shared ? s.decks.get(userDeckId(shared.slug)) : undefined));
  const addImportedDeck = useStudyStore((s) => s.addImportedDeck);

  useEffect(() => {
    let isCurrent = true;
    decodeDeckLink(payload).then(
      (deck) => isCurrent && setDecoded({ ok: true, deck }),
      (error: unknown) => isCurrent && setDecoded({ ok: false, error }),
    );
    return () => {
      isCurrent = false;
    };
  }, [payload]);

  return (
    <section className="import-screen" aria-labelledby="shared-title">
      <p>
        <a href={routeHash({ name: 'decks' })}>
          <span aria-hidden="true">←</span> All decks
        </a>
      </p>
      <h1 id="shared-title">A deck shared with you</h1>
      {decoded === null ? <p role="status">Opening the link…</p> : null}
      {decoded?.ok === false ? <ImportFailure error={decoded.error} outcome="This link could not be opened" /> : null}
      {decoded?.ok === true ? <AddImportedDeck deck={decoded.deck} existing={existing} onAdd={addImportedDeck} /> : null}
    </section>
  );
}
