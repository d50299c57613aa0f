/** The bundled decks the build prerendered into index.html (scripts/vite-plugin-shell.ts); empty in dev. */
declare module 'virtual:flipdeck/prerendered-decks' {
  import type { DeckIndexEntry } from './domain/deck/deck-index';

  export const prerenderedDecks: readonly DeckIndexEntry[];
}
