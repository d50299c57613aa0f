import { useMemo } from 'react';
import { parentCandidates } from '../../domain/deck/deck-tree';
import { isUserDeckId } from '../../domain/deck/user-deck';
import type { DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';

export interface ParentDeckPickerProps {
  readonly id: string;
  /** The deck being edited, or null for a new one. */
  readonly deckId: DeckId | null;
  readonly value: DeckId | null;
  readonly onChange: (parent: DeckId | null) => void;
}

/** An optional parent among the student's decks; the deck itself and its subdecks are not offered (no cycles). */
export function ParentDeckPicker({ id, deckId, value, onChange }: ParentDeckPickerProps) {
  const entries = useStudyStore((s) => s.deckEntries);
  const choices = useMemo(() => {
    const listings = entries.map((entry) => entry.listing).filter((listing) => isUserDeckId(listing.id));
    const allowed = new Set(parentCandidates(listings, deckId));
    return listings.filter((listing) => allowed.has(listing.id));
  }, [entries, deckId]);
  return (
    <>
      <label htmlFor={id}>Parent deck</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : (event.target.value as DeckId))}>
        <option value="">None (a top-level deck)</option>
        {choices.map((listing) => (
          <option key={listing.id} value={listing.id}>
            {listing.title}
          </option>
        ))}
      </select>
    </>
  );
}
