import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { AddDeckMediaContext, DeckMediaContext } from '../components/deck-media';
import { isUserDeckId, mediaPath } from '../domain/deck/user-deck';
import type { DeckId } from '../domain/ids';
import { studyStore } from '../store';

export interface DeckMediaProviderProps {
  readonly deckId: DeckId;
  readonly children: ReactNode;
}

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * Makes a user deck's stored images available to its cards as object URLs while the deck is
 * open, and revokes them when it closes. Bundled decks have none, so nothing is read for them.
 * An image the editor has just stored is added to them at once (AddDeckMediaContext).
 */
export function DeckMediaProvider({ deckId, children }: DeckMediaProviderProps) {
  // Tagged with the deck they belong to, so a deck opened next never shows the last one's images.
  const [media, setMedia] = useState<{ readonly deckId: DeckId; readonly urls: ReadonlyMap<string, string> }>({ deckId, urls: NONE });
  const created = useRef<string[]>([]);

  useEffect(() => {
    const urls: string[] = [];
    created.current = urls;
    let isCurrent = true;
    if (isUserDeckId(deckId)) {
      studyStore
        .getState()
        .loadDeckMedia(deckId)
        .then((files) => {
          if (!isCurrent) return;
          const map = new Map<string, string>();
          for (const file of files) {
            const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mimeType }));
            urls.push(url);
            map.set(mediaPath(file.name), url);
          }
          // Images added while the deck was read stay (they are newer than what was read).
          setMedia((previous) => ({ deckId, urls: new Map([...map, ...(previous.deckId === deckId ? previous.urls : [])]) }));
        })
        // Without its images a card still shows its text and a placeholder; studying goes on.
        .catch(() => undefined);
    }
    return () => {
      isCurrent = false;
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  }, [deckId]);

  const add = useCallback(
    (name: string, file: Blob) => {
      const url = URL.createObjectURL(file);
      created.current.push(url);
      setMedia((previous) => ({ deckId, urls: new Map(previous.deckId === deckId ? previous.urls : []).set(mediaPath(name), url) }));
    },
    [deckId],
  );

  return (
    <AddDeckMediaContext.Provider value={add}>
      <DeckMediaContext.Provider value={media.deckId === deckId ? media.urls : NONE}>{children}</DeckMediaContext.Provider>
    </AddDeckMediaContext.Provider>
  );
}
