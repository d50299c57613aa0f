// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Occlusion } from '../domain/deck/occlusion';
import { DeckMediaContext } from './deck-media';
import { OcclusionFigure } from './OcclusionFigure';

afterEach(cleanup);

const shapes: Occlusion['shapes'] = [
  { kind: 'rect', ordinal: 1, left: 0.1, top: 0.1, width: 0.2, height: 0.2 },
  { kind: 'ellipse', ordinal: 2, left: 0.5, top: 0.1, width: 0.2, height: 0.4 },
  { kind: 'polygon', ordinal: 3, points: [[0.2, 0.6], [0.5, 0.6], [0.35, 0.9]] },
];
const media = new Map([['media/heart.png', 'blob:heart']]);

function renderFigure(occlusion: Occlusion, side: 'front' | 'back') {
  const { container, getByRole } = render(
    <DeckMediaContext.Provider value={media}>
      <OcclusionFigure occlusion={occlusion} side={side} />
    </DeckMediaContext.Provider>,
  );
  const masks = [...container.querySelectorAll('[data-state]')].map((el) => [el.tagName, el.getAttribute('data-ordinal'), el.getAttribute('data-state')]);
  return { figure: getByRole('img'), masks, container };
}

describe('OcclusionFigure', () => {
  it('hide all: masks every region and highlights the asked one on the front, reveals it on the back', () => {
    const occlusion: Occlusion = { image: 'media/heart.png', ordinal: 2, mode: 'hide-all', shapes };
    const front = renderFigure(occlusion, 'front');
    expect(front.figure.getAttribute('aria-label')).toBe('Image with 3 masked regions; region 2 is the question');
    expect(front.masks).toEqual([
      ['rect', '1', 'masked'],
      ['ellipse', '2', 'asked'],
      ['polygon', '3', 'masked'],
    ]);
    expect(front.container.querySelector('img')?.getAttribute('src')).toBe('blob:heart');
    // No inline styles anywhere (CSP style-src 'self'); the SVG spans the image in its fractions.
    expect(front.container.querySelector('[style]')).toBeNull();
    expect(front.container.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 1 1');
    expect(front.container.querySelector('ellipse')?.getAttribute('cx')).toBe('0.6');
    cleanup();
    const back = renderFigure(occlusion, 'back');
    expect(back.figure.getAttribute('aria-label')).toBe('Image with 2 masked regions; region 2, the answer, is revealed');
    expect(back.masks.map(([, , state]) => state)).toEqual(['masked', 'revealed', 'masked']);
  });

  it('hide one: masks only the asked region, leaving the others visible', () => {
    const occlusion: Occlusion = { image: 'media/heart.png', ordinal: 3, mode: 'hide-one', shapes };
    const front = renderFigure(occlusion, 'front');
    expect(front.masks).toEqual([['polygon', '3', 'asked']]);
    expect(front.figure.getAttribute('aria-label')).toBe('Image with 1 masked region; region 3 is the question');
  });

  it('says so when the image is not on this device, keeping the masks', () => {
    const { container } = render(<OcclusionFigure occlusion={{ image: 'media/gone.png', ordinal: 1, mode: 'hide-one', shapes }} side="front" />);
    expect(container.textContent).toContain('[image: not available on this device]');
    expect(container.querySelectorAll('[data-state]')).toHaveLength(1);
  });
});
