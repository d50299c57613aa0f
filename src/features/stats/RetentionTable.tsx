import { formatPassRate } from '../../domain/stats/format';
import type { RetentionPeriod } from '../../domain/stats/retention';

export interface RetentionTableProps {
  readonly periods: readonly RetentionPeriod[];
}

const periodName = (days: number): string => (days === 365 ? 'Last year' : `Last ${days} days`);

/** True retention per period, split into young and mature cards. A table is already accessible as it is. */
export function RetentionTable({ periods }: RetentionTableProps) {
  return (
    <div className="stats-table__scroll">
      <table className="stats-table">
        <caption className="visually-hidden">True retention: share of review-card reviews not answered Again</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Young</th>
            <th scope="col">Mature</th>
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => (
            <tr key={period.days}>
              <th scope="row">{periodName(period.days)}</th>
              <td>{formatPassRate(period.young)}</td>
              <td>{formatPassRate(period.mature)}</td>
              <td>{formatPassRate(period.all)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
