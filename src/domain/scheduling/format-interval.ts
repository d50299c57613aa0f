const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Anki-style short label for the time until `dueAt`: "<1m", "10m", "3h", "4d", "2.5mo", "1.2y".
 * Rounds to the nearest unit so "1m" after a 1-minute step is not shown as "59s".
 */
export function formatInterval(fromMs: number, dueAt: number): string {
  const deltaMs = Math.max(0, dueAt - fromMs);
  if (deltaMs < MINUTE_MS) return '<1m';
  if (deltaMs < HOUR_MS) return `${Math.round(deltaMs / MINUTE_MS)}m`;
  if (deltaMs < DAY_MS) return `${Math.round(deltaMs / HOUR_MS)}h`;
  const days = deltaMs / DAY_MS;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trimmed(days / 30)}mo`;
  return `${trimmed(days / 365)}y`;
}

/** Long form for screen readers and tooltips: "in 10 minutes", "in 3 days". */
export function describeInterval(fromMs: number, dueAt: number): string {
  const short = formatInterval(fromMs, dueAt);
  if (short === '<1m') return 'in less than a minute';
  const match = /^([\d.]+)(m|h|d|mo|y)$/.exec(short);
  if (!match) return short;
  const [, amount = '', unit = ''] = match;
  const names: Record<string, string> = { m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' };
  const name = names[unit] ?? unit;
  return `in ${amount} ${name}${amount === '1' ? '' : 's'}`;
}

function trimmed(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
