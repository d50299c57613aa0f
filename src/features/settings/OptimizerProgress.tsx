import { useEffect, useState } from 'react';
import type { FitStage } from './optimizer/messages';

const STAGE_TEXT: Readonly<Record<FitStage | 'starting', string>> = {
  starting: 'Starting the optimizer…',
  loading: 'Loading the optimizer (1.7 MB, the first time only)…',
  fitting: 'Fitting the parameters to your reviews…',
};

/**
 * The optimizer runs as one WASM call that cannot report its progress without cross-origin
 * isolation, so this shows the stage and a running clock instead of a percentage.
 */
export function OptimizerProgress({ stage, startedAt }: { readonly stage: FitStage | 'starting'; readonly startedAt: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.max(0, (now - startedAt) / 1000);
  return (
    <div className="optimizer-progress">
      <progress aria-labelledby="optimizer-stage" />
      <p id="optimizer-stage" role="status">
        {STAGE_TEXT[stage]} <span className="settings-field__hint">{seconds.toFixed(1)} s</span>
      </p>
    </div>
  );
}
