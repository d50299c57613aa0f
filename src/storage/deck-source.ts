/**
 * Bundled decks, fetched as data from the app's own origin (decks/index.json and decks/<id>.json,
 * emitted by the build and precached by the service worker). Everything fetched is `unknown` until
 * the domain parsers accept it, so a malformed deck becomes a message naming its file, card and field.
 */
import { DECK_INDEX_PATH, parseDeckIndex } from '../domain/deck/deck-index';
import { assertDeckMatchesFile } from '../domain/deck/deck-file';
import { parseDeckJsonText } from '../domain/deck/parse-deck';
import type { Deck } from '../domain/deck/types';
import type { DeckIndexEntry } from '../domain/deck/deck-index';

/** Where decks come from. The app fetches decks/index.json; tests pass fixtures. */
export interface DeckSource {
  /** Lists the decks; rejects only when the list itself cannot be read. */
  listDecks(): Promise<readonly DeckIndexEntry[]>;
  /** Loads and validates one deck; rejects with a message naming the file, card and field. */
  loadDeck(listing: DeckIndexEntry): Promise<Deck>;
}

/** Fetches decks relative to `baseUrl` (the document's base, so any sub-path works). */
export function createFetchDeckSource(baseUrl: string = document.baseURI): DeckSource {
  async function fetchText(path: string): Promise<string> {
    const response = await fetch(new URL(path, baseUrl));
    if (!response.ok) throw new Error(`${path} could not be loaded (HTTP ${response.status}).`);
    return response.text();
  }

  return {
    async listDecks() {
      const text = await fetchText(DECK_INDEX_PATH);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`${DECK_INDEX_PATH} is not valid JSON.`);
      }
      return parseDeckIndex(json, DECK_INDEX_PATH);
    },
    async loadDeck(listing: DeckIndexEntry) {
      const deck = parseDeckJsonText(await fetchText(listing.file), listing.file);
      assertDeckMatchesFile(deck, listing.file);
      return deck;
    },
  };
}
