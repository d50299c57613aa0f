import { describe, expect, it } from 'vitest';
import { formatDuration, formatPassRate, plural } from './format';

describe('stats formatting', () => {
  it('shows a pass rate as a percentage with its counts, or says there were none', () => {
    expect(formatPassRate({ passed: 24, total: 26 })).toBe('92.3% (24 of 26)');
    expect(formatPassRate({ passed: 0, total: 0 })).toBe('No reviews');
  });

  it('shows durations in seconds, minutes or hours', () => {
    expect(formatDuration(45_400)).toBe('45 s');
    expect(formatDuration(245_000)).toBe('4 min 5 s');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
  });

  it('pluralises counts, with thousands separators', () => {
    expect(plural(1, 'card')).toBe('1 card');
    expect(plural(10_000, 'card')).toBe('10,000 cards');
    expect(plural(2, 'leech', 'leeches')).toBe('2 leeches');
  });
});
