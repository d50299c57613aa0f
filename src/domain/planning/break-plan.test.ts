import { describe, expect, it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { studyDayStart } from '../queue/study-day';
import type { CardState } from '../scheduling/types';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { MAX_EARLY_SHARE, planBreak, type BreakPlan } from './break-plan';

const DAY = 86_400_000;
const NOW = new Date(2026, 11, 1, 10, 0, 0).getTime();
const TODAY = studyDayStart(NOW, 4);
const day = (n: number) => new Date(2026, 11, 1 + n, 4, 0, 0).getTime();
const DECK = asDeckId('c3');

/** A review card last reviewed `intervalDays` before it falls due on day `dueDay`, at 10 am. */
function card(id: string, dueDay: number, intervalDays: number, extra: Partial<CardState> = {}): CardState {
  const dueAt = day(dueDay) + 6 * 3_600_000;
  return {
    deckId: DECK, cardId: asCardId(id), phase: 'review', dueAt, stability: intervalDays, difficulty: 5,
    scheduledDays: intervalDays, learningStep: 0, reps: 4, lapses: 0, lastReviewedAt: dueAt - intervalDays * DAY, ...extra,
  };
}

function plan(cards: CardState[], awayFrom = day(5), backOn = day(10)): BreakPlan {
  const result = planBreak({ cards, awayFrom, backOn, now: NOW, settings: DEFAULT_SETTINGS });
  if (typeof result === 'string') throw new Error(result);
  return result;
}

const dayIndex = (at: number) => Math.round((studyDayStart(at, 4) - TODAY) / DAY);

describe('planBreak', () => {
  it('brings a mature review forward to the last days before leaving, at its usual time of day', () => {
    const result = plan([card('mature', 7, 60)]);
    expect(result.moves).toHaveLength(1);
    const [move] = result.moves;
    expect(move!.direction).toBe('forward');
    expect(dayIndex(move!.toDueAt)).toBeGreaterThanOrEqual(2);
    expect(dayIndex(move!.toDueAt)).toBeLessThan(5);
    expect(move!.toDueAt - studyDayStart(move!.toDueAt, 4)).toBe(move!.fromDueAt - studyDayStart(move!.fromDueAt, 4));
    expect((move!.fromDueAt - move!.toDueAt) / (60 * DAY)).toBeLessThanOrEqual(MAX_EARLY_SHARE);
    expect(result.broughtForward).toBe(1);
    expect(result.waiting).toBe(0);
    expect(result.waitingRecall).toBeNull();
  });

  it('lets a young card wait until after the break, and says what recall it will have then', () => {
    const result = plan([card('young', 7, 4)]);
    const [move] = result.moves;
    expect(move!.direction).toBe('after');
    expect(dayIndex(move!.toDueAt)).toBeGreaterThanOrEqual(10);
    expect(result.waitingRecall).toBeLessThan(result.targetRecall);
    expect(result.waitingRecall).toBeGreaterThan(0.5);
  });

  it('spreads many waiting reviews over the days after the break instead of piling them on the first', () => {
    const young = Array.from({ length: 30 }, (_, i) => card(`y${i}`, 5 + (i % 5), 3));
    const before = Array.from({ length: 12 }, (_, i) => card(`b${i}`, 1 + (i % 4), 30));
    const result = plan([...young, ...before]);
    const back = result.forecast.filter((d) => dayIndex(d.dayStartAt) >= 10).map((d) => d.after);
    expect(result.waiting).toBe(30);
    expect(result.spreadDays).toBeGreaterThan(1);
    expect(Math.max(...back)).toBeLessThan(30);
    expect(Math.max(...back) - Math.min(...back.slice(0, result.spreadDays))).toBeLessThanOrEqual(1);
    // Nothing of these is left due while the student is away.
    for (const d of result.forecast.filter((f) => f.isAway)) expect(d.after).toBe(0);
    // The most forgotten by the day back goes first.
    const firstBack = result.moves.filter((m) => m.direction === 'after').sort((a, b) => a.toDueAt - b.toDueAt)[0]!;
    expect(young.find((c) => c.cardId === firstBack.cardId)!.dueAt).toBe(Math.min(...young.map((c) => c.dueAt)));
  });

  it('leaves cards due outside the break, suspended cards and cards in learning alone', () => {
    const result = plan([card('later', 12, 10), card('sooner', 2, 10), card('held', 7, 60, { isSuspended: true }), card('step', 7, 1, { phase: 'relearning' })]);
    expect(result.moves).toEqual([]);
    expect(result.forecast.find((d) => dayIndex(d.dayStartAt) === 12)?.after).toBe(1);
  });

  it('refuses a break that has started or that ends before it starts', () => {
    expect(planBreak({ cards: [], awayFrom: NOW, backOn: day(4), now: NOW, settings: DEFAULT_SETTINGS })).toBe('already-started');
    expect(planBreak({ cards: [], awayFrom: day(4), backOn: day(4), now: NOW, settings: DEFAULT_SETTINGS })).toBe('ends-before-it-starts');
    expect(plan([], day(1), day(2)).awayDays).toBe(1);
  });
});
