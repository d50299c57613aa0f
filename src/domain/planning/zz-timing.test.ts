import { it } from 'vitest';
import { asCardId, asDeckId } from '../ids';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { planExam } from './exam-plan';
import { seededRandom } from '../scheduling/memory-model';
import type { CardState } from '../scheduling/types';

const NOW = new Date(2026, 8, 1, 10, 0, 0).getTime();
const DAY = 86_400_000;
it('times', () => {
  const random = seededRandom(3);
  const deckId = asDeckId('big');
  const cards: (CardState | null)[] = Array.from({ length: 10_000 }, (_, i) => {
    if (i >= 6000) return null;
    const stability = 1 + random() * 60;
    const last = NOW - Math.floor(random() * 30) * DAY;
    return { deckId, cardId: asCardId(`c${i}`), dueAt: last + stability * DAY, stability, difficulty: 5, reps: 3, lapses: 0, phase: 'review', learningStep: 0, lastReviewedAt: last, isSuspended: false, scheduledDays: Math.round(stability) } as unknown as CardState;
  });
  for (const minutes of [null, 30, null, 30, 15]) {
    const settings = { ...DEFAULT_SETTINGS, examAt: NOW + 30 * DAY, examDailyMinutes: minutes };
    const t = performance.now();
    const plan = planExam({ deckId, cards, settings, now: NOW });
    console.log(`minutes ${minutes}: ${(performance.now() - t).toFixed(0)} ms, pace ${plan?.newCardsPerDay}, recall ${plan?.recallWithPlan.toFixed(3)}`);
  }
}, 60_000);
import { simulateWorkload } from './workload';
it('workload', () => {
  const random = seededRandom(4);
  const deckId = asDeckId('big');
  const cards: (CardState | null)[] = Array.from({ length: 10_000 }, (_, i) => {
    if (i >= 6000) return null;
    const stability = 1 + random() * 60;
    const last = NOW - Math.floor(random() * 30) * DAY;
    return { deckId, cardId: asCardId(`c${i}`), dueAt: last + stability * DAY, stability, difficulty: 5, reps: 3, lapses: 0, phase: 'review', learningStep: 0, lastReviewedAt: last, isSuspended: false, scheduledDays: Math.round(stability) } as unknown as CardState;
  });
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    const w = simulateWorkload({ cards, settings: DEFAULT_SETTINGS, now: NOW });
    console.log(`workload ${(performance.now() - t).toFixed(0)} ms best ${w.points[w.bestIndex]!.retention} ${w.points.map((p) => `${p.retention}:${p.minutesPerDay.toFixed(0)}m/${p.rememberedAtEnd.toFixed(0)}`).join(' ')}`);
  }
}, 60_000);
