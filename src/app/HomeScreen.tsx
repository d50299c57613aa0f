import { DeckList } from '../features/decks/DeckList';
import { DataSafety } from '../features/device/DataSafety';
import { isDeckListSettled, useStudyStore } from '../store';

/**
 * The deck list, then the Data safety panel once every deck has its counts: rendered earlier, the
 * panel would be pushed down as the tiles fill in (a layout shift on every start).
 */
export function HomeScreen() {
  const isListSettled = useStudyStore(isDeckListSettled);
  return (
    <>
      <DeckList />
      {isListSettled ? <DataSafety /> : null}
    </>
  );
}
