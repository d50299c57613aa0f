import { describe, expect, it } from 'vitest';
import { asDeckId } from '../ids';
import { resolveExam, settingsWithInheritedExam, type ExamCandidate } from './exam-inheritance';
import { DEFAULT_SETTINGS, type StudySettings } from './study-settings';

const NOW = Date.UTC(2026, 10, 30, 9, 0, 0);
const DAY = 86_400_000;
const deck = (id: string, exam: Partial<StudySettings> = {}): ExamCandidate => ({ deckId: asDeckId(id), settings: { ...DEFAULT_SETTINGS, ...exam } });

describe('the exam a subdeck studies for', () => {
  it('is its own exam while that is ahead, even when its parent has a nearer one', () => {
    const chain: [ExamCandidate, ...ExamCandidate[]] = [deck('lab', { examAt: NOW + 9 * DAY }), deck('week-1', { examAt: NOW + 2 * DAY })];
    expect(resolveExam(chain, NOW)).toEqual({ sourceDeckId: 'lab', isInherited: false, isOver: false });
  });

  it("is the nearest ancestor's exam still ahead when the deck has none", () => {
    const chain: [ExamCandidate, ...ExamCandidate[]] = [deck('lab'), deck('week-1'), deck('course', { examAt: NOW + 5 * DAY, examTargetRecall: 0.9, examDailyMinutes: 20 })];
    expect(resolveExam(chain, NOW)).toEqual({ sourceDeckId: 'course', isInherited: true, isOver: false });
    const settings = settingsWithInheritedExam(chain, NOW);
    expect(settings).toMatchObject({ examAt: NOW + 5 * DAY, examTargetRecall: 0.9, examDailyMinutes: 20 });
    // Only the exam comes from the parent: the deck keeps its other settings.
    expect(settings.desiredRetention).toBe(DEFAULT_SETTINGS.desiredRetention);
  });

  it("skips an ancestor whose exam has passed for a further one that is ahead, and the deck's own passed exam too", () => {
    const chain: [ExamCandidate, ...ExamCandidate[]] = [deck('lab', { examAt: NOW - DAY }), deck('week-1', { examAt: NOW - 3 * DAY }), deck('course', { examAt: NOW + 4 * DAY })];
    expect(resolveExam(chain, NOW)).toEqual({ sourceDeckId: 'course', isInherited: true, isOver: false });
    expect(settingsWithInheritedExam(chain, NOW).examAt).toBe(NOW + 4 * DAY);
  });

  it('is the nearest passed exam, counted as over, when none is ahead', () => {
    const chain: [ExamCandidate, ...ExamCandidate[]] = [deck('lab'), deck('week-1', { examAt: NOW - DAY }), deck('course', { examAt: NOW - 10 * DAY })];
    expect(resolveExam(chain, NOW)).toEqual({ sourceDeckId: 'week-1', isInherited: true, isOver: true });
    // On the exam's own start the exam counts as over, as in the interval rule.
    expect(resolveExam([deck('lab'), deck('course', { examAt: NOW })], NOW)?.isOver).toBe(true);
  });

  it('is none without an exam date in the chain, and the deck keeps its own settings object', () => {
    const chain: [ExamCandidate, ...ExamCandidate[]] = [deck('lab'), deck('course')];
    expect(resolveExam(chain, NOW)).toBeNull();
    expect(settingsWithInheritedExam(chain, NOW)).toBe(chain[0]!.settings);
  });

  it('gives the same settings object for the same deck and source, so schedulers stay cached', () => {
    const chain: [ExamCandidate, ...ExamCandidate[]] = [deck('lab'), deck('course', { examAt: NOW + 5 * DAY })];
    expect(settingsWithInheritedExam(chain, NOW)).toBe(settingsWithInheritedExam(chain, NOW + DAY));
  });
});
