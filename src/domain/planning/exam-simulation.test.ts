import { describe, expect, it } from 'vitest';
import { asDeckId } from '../ids';
import { DEFAULT_FSRS_WEIGHTS, seededRandom } from '../scheduling/memory-model';
import { memoryModel } from '../scheduling/forgetting-curve';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { planExam } from './exam-plan';
import { simulateStudy } from './simulate-study';

// Issue 14's proof by simulation: a term of 300 new cards and an exam in 30 days, studied under
// the same daily time budget with normal scheduling and with exam mode, scored on each synthetic
// student's true recall on exam day. The students' weights differ from the defaults the
// scheduler uses, as a real student's do before any optimizing.
const NOW = new Date(2026, 8, 1, 10, 0, 0).getTime();
const EXAM_AT = new Date(2026, 9, 1, 4, 0, 0).getTime();
const CARDS = 300;
const DAILY_MINUTES = 15;
const SECONDS_PER_ANSWER = 10;
const STUDENTS = 8;
const DECK = asDeckId('term');

/** A student: the default weights, each scaled by up to ±20%, seeded. */
function studentWeights(seed: number): number[] {
  const random = seededRandom(seed);
  return DEFAULT_FSRS_WEIGHTS.map((w, i) => (i === 20 ? w : w * (0.8 + 0.4 * random())));
}

function term(isExamMode: boolean, student: number): number {
  const settings = isExamMode ? { ...DEFAULT_SETTINGS, examAt: EXAM_AT, examDailyMinutes: DAILY_MINUTES } : DEFAULT_SETTINGS;
  const cards = Array.from({ length: CARDS }, () => null);
  // Exam mode follows the planner's pace, which knows only the default weights, not the student's.
  const plan = isExamMode ? planExam({ deckId: DECK, cards, settings, now: NOW, secondsPerAnswer: SECONDS_PER_ANSWER }) : null;
  return simulateStudy({
    deckId: DECK,
    cards,
    settings,
    now: NOW,
    endAt: EXAM_AT,
    newCardsPerDay: plan?.newCardsPerDay ?? DEFAULT_SETTINGS.newCardsPerDay,
    dailyMinutes: DAILY_MINUTES,
    secondsPerAnswer: SECONDS_PER_ANSWER,
    truth: memoryModel(studentWeights(1000 + student)),
    seed: 7 + student,
  }).recallAtEnd;
}

describe('exam mode against normal scheduling, simulated', () => {
  it('gives a higher true recall on exam day under the same daily budget', { timeout: 120_000 }, () => {
    const normal = Array.from({ length: STUDENTS }, (_, s) => term(false, s));
    const exam = Array.from({ length: STUDENTS }, (_, s) => term(true, s));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`exam-day recall over ${STUDENTS} students, ${CARDS} cards, exam in 30 days, ${DAILY_MINUTES} min/day: normal ${(mean(normal) * 100).toFixed(1)}%, exam mode ${(mean(exam) * 100).toFixed(1)}%`);
    expect(mean(exam)).toBeGreaterThan(mean(normal) + 0.01);
  });
});
