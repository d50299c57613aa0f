import { describe, expect, it } from 'vitest';
import { asDeckId } from '../ids';
import { DEFAULT_SETTINGS } from '../settings/study-settings';
import { createSettingsTimeline, foldSettings, foldedDeckOverrides, studySettingsFromValues } from './settings-log';
import { DAY, DECK, NOW, TestDevice } from './test-events';
import type { SettingsEvent } from './types';

const settingsOf = (device: TestDevice) => device.events.filter((e): e is SettingsEvent => e.kind === 'settings');

describe('foldSettings', () => {
  it('keeps the last value of each field in log order, whatever order the events come in', () => {
    const phone = TestDevice.named('phone', 1);
    const laptop = TestDevice.named('laptop', 2);
    phone.settings({ desiredRetention: 0.85, newCardsPerDay: 10 }, NOW);
    laptop.settings({ desiredRetention: 0.95 }, NOW + DAY);
    phone.settings({ reviewsPerDay: 50 }, NOW + 2 * DAY);
    const all = [...settingsOf(phone), ...settingsOf(laptop)];
    const folded = foldSettings(all);
    expect(folded.study).toEqual({ desiredRetention: 0.95, newCardsPerDay: 10, reviewsPerDay: 50 });
    expect(foldSettings([...all].reverse())).toEqual(folded);
  });

  it('breaks a tie in time by event id, the same on every device', () => {
    const a = TestDevice.named('a', 3).settings({ newCardsPerDay: 5 }, NOW);
    const b = TestDevice.named('b', 4).settings({ newCardsPerDay: 7 }, NOW);
    const winner = a.id > b.id ? 5 : 7;
    expect(foldSettings([a, b]).study['newCardsPerDay']).toBe(winner);
    expect(foldSettings([b, a]).study['newCardsPerDay']).toBe(winner);
  });

  it('removes a deck override with null, and keeps fields this build does not know', () => {
    const device = TestDevice.named('phone', 5);
    device.settings({ desiredRetention: 0.8, newCardsPerDay: 3 }, NOW, DECK);
    device.settings({ desiredRetention: null, futureField: 'kept' }, NOW + 1, DECK);
    const folded = foldSettings(settingsOf(device));
    expect(folded.decks.get(DECK)).toEqual({ newCardsPerDay: 3, futureField: 'kept' });
    expect(foldedDeckOverrides(folded).get(DECK)).toEqual({ newCardsPerDay: 3 });
  });
});

describe('studySettingsFromValues', () => {
  it('fills defaults and ignores fields of the wrong type', () => {
    expect(studySettingsFromValues({ desiredRetention: 'high', newCardsPerDay: 7, fsrsWeights: [1, 2] })).toEqual({ ...DEFAULT_SETTINGS, newCardsPerDay: 7 });
  });
});

describe('createSettingsTimeline', () => {
  it('answers with the settings in force at a point of the log, and the same object for the same point', () => {
    const device = TestDevice.named('phone', 6);
    const first = device.settings({ desiredRetention: 0.8 }, NOW);
    device.settings({ desiredRetention: 0.95 }, NOW + DAY);
    device.settings({ newCardsPerDay: 2 }, NOW + DAY, DECK);
    const at = createSettingsTimeline(settingsOf(device));
    expect(at(DECK, NOW - 1, first.id).desiredRetention).toBe(DEFAULT_SETTINGS.desiredRetention);
    expect(at(DECK, NOW, first.id).desiredRetention).toBe(0.8);
    expect(at(DECK, NOW + 2 * DAY, first.id)).toMatchObject({ desiredRetention: 0.95, newCardsPerDay: 2 });
    expect(at(asDeckId('other'), NOW + 2 * DAY, first.id).newCardsPerDay).toBe(DEFAULT_SETTINGS.newCardsPerDay);
    expect(at(DECK, NOW + 3 * DAY, first.id)).toBe(at(DECK, NOW + 4 * DAY, first.id));
  });
});
