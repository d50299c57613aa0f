import type { CardState } from '../scheduling/types';

/** A review card with an interval of this many days or more is mature (as in Anki); shorter is young. */
export const MATURE_INTERVAL_DAYS = 21;

/** A card with this many lapses or more is a leech (Anki's default threshold). */
export const LEECH_LAPSES = 8;

/** Whether a review-phase state counts as mature. */
export const isMature = (state: CardState): boolean => state.scheduledDays >= MATURE_INTERVAL_DAYS;

/** Whether the card has been forgotten often enough to be flagged as a leech. */
export const isLeech = (state: CardState | undefined): boolean => (state?.lapses ?? 0) >= LEECH_LAPSES;
