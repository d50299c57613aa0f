import type { CardCounts } from '../../domain/stats/card-counts';
import { plural } from '../../domain/stats/format';

export interface CardCountsChartProps {
  readonly counts: CardCounts;
}

const PARTS = [
  { key: 'fresh', label: 'New' },
  { key: 'learning', label: 'Learning' },
  { key: 'young', label: 'Young' },
  { key: 'mature', label: 'Mature' },
  { key: 'suspended', label: 'Suspended' },
] as const;

/** Cards by state: a stacked bar for the proportions and a labelled list for the numbers. */
export function CardCountsChart({ counts }: CardCountsChartProps) {
  const summary = `${plural(counts.total, 'card')}: ` + PARTS.map((p) => `${counts[p.key]} ${p.label.toLowerCase()}`).join(', ') + '.';
  const widths = PARTS.map((part) => (counts.total === 0 ? 0 : (counts[part.key] / counts.total) * 100));
  const starts = widths.map((_, i) => widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  return (
    <figure className="stats-figure">
      <svg className="counts-bar" role="img" aria-label={summary} viewBox="0 0 100 6" preserveAspectRatio="none">
        <rect className="counts-bar__track" x={0} y={0} width={100} height={6} />
        {PARTS.map((part, i) => (
          <rect key={part.key} className={`stats-fill--${part.key}`} x={starts[i]} y={0} width={widths[i]} height={6} />
        ))}
      </svg>
      <dl className="counts-list">
        {PARTS.map((part) => (
          <div key={part.key} className="counts-list__item">
            <dt>
              <span className={`counts-list__swatch stats-bg--${part.key}`} aria-hidden="true" />
              {part.label}
            </dt>
            <dd>{counts[part.key]}</dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
