import { DeckList } from '../features/decks/DeckList';
import { DataSafety } from '../features/device/DataSafety';

/**
 * The deck list and the Data safety panel. The build prerenders exactly this screen's first
 * render into index.html (scripts/vite-plugin-shell.ts) and the app hydrates it, so nothing on it
 * may render differently before storage has answered; tiles keep their height while loading.
 */
export function HomeScreen() {
  return (
    <>
      <DeckList />
      <DataSafety />
    </>
  );
}
