/**
 * The clock-skew rule (docs/sync.md): a device stamps a new event of a card with
 * `max(now, last event of that card it has seen + 1 ms)`, so an event is never ordered before one
 * it was made after, even when the other device's clock runs ahead. Replay orders by
 * `createdAt`, so this keeps causal order per card: a review made after a merged one replays
 * after it, and an undo never lands before its review.
 *
 * It is applied per card rather than to a device-wide clock, so one device with a fast clock
 * shifts only the cards it touched, by at most its skew. A "last seen" time more than
 * MAX_FOLLOWED_SKEW_MS ahead of now is not followed: that is a broken clock, and following it
 * would push this device's reviews (and their due dates) days into the future. Such an event
 * keeps its place in the order; events are never dropped, only ordered.
 */

/** The furthest ahead of this device's clock another device's stamp is followed (1 day, ms). */
export const MAX_FOLLOWED_SKEW_MS = 24 * 60 * 60 * 1000;

/** The time to stamp a new event with, at `nowMs`, after the latest event of its card seen so far (epoch ms). */
export function causalTime(nowMs: number, lastSeenMs: number | null | undefined): number {
  if (lastSeenMs === null || lastSeenMs === undefined || !Number.isFinite(lastSeenMs)) return nowMs;
  if (lastSeenMs < nowMs || lastSeenMs - nowMs > MAX_FOLLOWED_SKEW_MS) return nowMs;
  return lastSeenMs + 1;
}
