/**
 * Learning steps as people type them in Anki: "1m 10m", "30s 1h 1d". The unit defaults to
 * minutes, so "1 10" means 1m 10m. The result is whole minutes, because the scheduler's steps
 * are minutes; seconds round up to a minute so a step is never zero.
 */
import { SettingsError } from './errors';

const UNIT_MINUTES: Readonly<Record<string, number>> = { s: 1 / 60, m: 1, h: 60, d: 1440 };
const MAX_STEP_MINUTES = 30 * 1440;
const MAX_STEPS = 10;
const STEP = /^(\d+(?:\.\d+)?)([smhd]?)$/i;

/** Parses "1m 10m" (space or comma separated) into step lengths in minutes; throws SettingsError. */
export function parseSteps(text: string, field = 'steps'): number[] {
  const tokens = text.split(/[\s,]+/).filter((token) => token.length > 0);
  if (tokens.length > MAX_STEPS) throw new SettingsError('settings/too-many-steps', field, `Use at most ${MAX_STEPS} steps.`);
  const minutes = tokens.map((token, index) => {
    const match = STEP.exec(token);
    if (!match) {
      throw new SettingsError('settings/bad-step', field, `Step ${index + 1}, "${token}", is not a length such as 10m, 1h or 1d.`);
    }
    const value = Math.ceil(Number(match[1]) * (UNIT_MINUTES[(match[2] || 'm').toLowerCase()] ?? 1));
    if (value < 1 || value > MAX_STEP_MINUTES) {
      throw new SettingsError('settings/bad-step', field, `Step ${index + 1}, "${token}", must be between 1 minute and 30 days.`);
    }
    return value;
  });
  for (let i = 1; i < minutes.length; i += 1) {
    if (minutes[i]! <= minutes[i - 1]!) {
      throw new SettingsError('settings/steps-not-increasing', field, `Each step must be longer than the one before it (step ${i + 1}).`);
    }
  }
  return minutes;
}

/** Formats step minutes back into the text parseSteps reads, using the largest whole unit. */
export function formatSteps(minutes: readonly number[]): string {
  return minutes
    .map((value) => {
      if (value % 1440 === 0) return `${value / 1440}d`;
      if (value % 60 === 0) return `${value / 60}h`;
      return `${value}m`;
    })
    .join(' ');
}
