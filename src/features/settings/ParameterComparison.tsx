import type { FitResult } from './optimizer/fit-weights';

export interface ParameterComparisonProps {
  readonly currentWeights: readonly number[];
  readonly result: FitResult;
}

const format = (value: number) => value.toFixed(4);

/** The fitted parameters beside the current ones, with each set's log loss on the user's reviews. */
export function ParameterComparison({ currentWeights, result }: ParameterComparisonProps) {
  const isBetter = result.fitted.logLoss < result.current.logLoss;
  return (
    <div className="parameter-comparison">
      <p>
        Scored on {result.fitted.reviewCount} of your reviews (lower log loss predicts your memory better):{' '}
        <strong>{isBetter ? 'the fitted parameters predict your reviews better.' : 'the fitted parameters do not predict your reviews better.'}</strong>
      </p>
      <div className="parameter-comparison__scroll" tabIndex={0} role="region" aria-label="Parameters compared">
        <table>
          <caption className="visually-hidden">Current and fitted FSRS parameters</caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Current</th>
              <th scope="col">Fitted</th>
            </tr>
          </thead>
          <tbody>
            <tr className="parameter-comparison__loss">
              <th scope="row">Log loss</th>
              <td data-testid="loss-current">{format(result.current.logLoss)}</td>
              <td data-testid="loss-fitted">{format(result.fitted.logLoss)}</td>
            </tr>
            {result.weights.map((weight, index) => (
              <tr key={index}>
                <th scope="row">w{index}</th>
                <td>{format(currentWeights[index] ?? Number.NaN)}</td>
                <td>{format(weight)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
