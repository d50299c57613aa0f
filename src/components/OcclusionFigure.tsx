import { useContext } from 'react';
import { occlusionLabel, visibleShapes, type Occlusion, type OcclusionShape } from '../domain/deck/occlusion';
import { DeckMediaContext } from './deck-media';
import './occlusion-figure.css';

export interface OcclusionFigureProps {
  readonly occlusion: Occlusion;
  /** The front masks the asked shapes (highlighted); the back shows them outlined, the image visible. */
  readonly side: 'front' | 'back';
}

type MaskState = 'asked' | 'masked' | 'revealed';

/**
 * An image occlusion card's image with its masks. The SVG lies over the image in the image's own
 * coordinates (a 1 x 1 viewBox stretched over it), so shapes in fractions of the image fit at any
 * size; the colours are CSS classes, as the CSP allows no inline styles.
 */
export function OcclusionFigure({ occlusion, side }: OcclusionFigureProps) {
  const url = useContext(DeckMediaContext).get(occlusion.image);
  const stateOf = (isAsked: boolean): MaskState => (!isAsked ? 'masked' : side === 'front' ? 'asked' : 'revealed');
  return (
    <div className="occlusion" role="img" aria-label={occlusionLabel(occlusion, side)}>
      {url === undefined ? <span className="md-image-blocked">[image: not available on this device]</span> : <img className="occlusion__image" src={url} alt="" />}
      <svg className="occlusion__masks" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {visibleShapes(occlusion).map(({ shape, isAsked }, index) => (
          <MaskShape key={index} shape={shape} state={stateOf(isAsked)} />
        ))}
      </svg>
    </div>
  );
}

function MaskShape({ shape, state }: { readonly shape: OcclusionShape; readonly state: MaskState }) {
  const common = { className: `occlusion__mask occlusion__mask--${state}`, 'data-ordinal': shape.ordinal, 'data-state': state, vectorEffect: 'non-scaling-stroke' } as const;
  if (shape.kind === 'polygon') return <polygon {...common} points={shape.points.map(([x, y]) => `${x},${y}`).join(' ')} />;
  if (shape.kind === 'ellipse') {
    return <ellipse {...common} cx={shape.left + shape.width / 2} cy={shape.top + shape.height / 2} rx={shape.width / 2} ry={shape.height / 2} />;
  }
  return <rect {...common} x={shape.left} y={shape.top} width={shape.width} height={shape.height} />;
}
