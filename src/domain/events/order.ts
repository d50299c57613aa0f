import type { EventBase } from './types';

/**
 * The total order of the log: by createdAt, then by id (so a tie in time has one answer on every
 * device). Ids are unique, so no two distinct events compare equal.
 */
export function compareEvents(a: EventBase, b: EventBase): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** Whether `a` comes at or before the point (createdAt, id) of the log. */
export function isAtOrBefore(a: EventBase, createdAt: number, id: string): boolean {
  return a.createdAt < createdAt || (a.createdAt === createdAt && a.id <= id);
}

/** The events in log order with duplicate ids dropped (the first copy in log order is kept). */
export function inLogOrder<T extends EventBase>(events: readonly T[]): T[] {
  const seen = new Set<string>();
  return [...events].sort(compareEvents).filter((event) => !seen.has(event.id) && Boolean(seen.add(event.id)));
}
