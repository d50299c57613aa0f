import { useEffect, useState, type ReactNode } from 'react';
import { DeckMediaContext } from '../components/deck-media';
import { isUserDeckId, mediaPath } from '../domain/deck/user-deck';
import type { DeckId } from '../domain/ids';
import { studyStore } from '../store';

export interface DeckMediaProviderProps {
  readonly deckId: DeckId;
  readonly children: ReactNode;
}

/**
 * Makes a user deck's stored images available to its cards as object URLs while the deck is
 * open, and revokes them when it closes. Bundled decks have none, so nothing is read for them.
 */
export function DeckMediaProvider({ deckId, children }: DeckMediaProviderProps) {
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    if (!isUserDeckId(deckId)) return;
    let isCurrent = true;
    const created: string[] = [];
    studyStore
      .getState()
      .loadDeckMedia(deckId)
      .then((files) => {
        if (!isCurrent) return;
        const map = new Map<string, string>();
        for (const file of files) {
          const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mimeType }));
          created.push(url);
          map.set(mediaPath(file.name), url);
        }
        setUrls(map);
      })
      // Without its images a card still shows its text and a placeholder; studying goes on.
      .catch(() => undefined);
    return () => {
      isCurrent = false;
      created.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [deckId]);

  return <DeckMediaContext.Provider value={urls}>{children}</DeckMediaContext.Provider>;
}
