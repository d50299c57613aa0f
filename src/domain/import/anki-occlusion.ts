/**
 * Reads the Occlusion field of Anki's stock "Image Occlusion" note type (Anki 23.10+), which its
 * mask editor writes as one cloze per shape (ts/routes/image-occlusion/shapes/to-cloze.ts):
 *
 *   {{c1::image-occlusion:rect:left=.2:top=.3:width=.1:height=.1:oi=1}}<br>
 *   {{c2::image-occlusion:ellipse:left=.5:top=.1:rx=.05:ry=.08}}<br>
 *   {{c2::image-occlusion:polygon:left=.6:top=.6:points=.0,.0 .1,.0 .05,.1}}
 *
 * Coordinates are fractions of the image. An ellipse is its bounding box's top left and its radii;
 * a polygon's corners are placed so that their top left is at (left, top) when those are given
 * (newer Anki writes corners relative to 0,0 with left/top; older writes them in place). `oi=1`
 * (occludeInactive) is "hide all, guess one"; without it, "hide one, guess one". Shapes with the
 * same cN are one question. Text labels (`text:`) are not masks and are left out.
 */
import type { OcclusionShape } from '../deck/occlusion.ts';

export interface AnkiOcclusions {
  readonly shapes: readonly OcclusionShape[];
  /** The occlusion numbers with `oi=1` on one of their shapes: "hide all, guess one". */
  readonly hidesAll: ReadonlySet<number>;
  /** One line per shape that was left out, naming it. */
  readonly problems: readonly string[];
}

const OCCLUSION = /\{\{c(\d+)::image-occlusion:([^}]*)\}\}/g;
/** Coordinates a little outside the image (a mask dragged over its edge) are clamped; farther is an error. */
const EDGE_TOLERANCE = 0.05;

const decodeEntities = (text: string) =>
  text.replaceAll('&nbsp;', ' ').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

/** Onto the image, to Anki's precision (four decimals). */
const clamp = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 10_000) / 10_000;

class ShapeProblem extends Error {}

/** A coordinate as a fraction, clamped onto the image. */
function fraction(props: ReadonlyMap<string, string>, key: string): number {
  const raw = props.get(key);
  const value = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) throw new ShapeProblem(`"${key}" is ${raw === undefined ? 'missing' : `not a number ("${raw}")`}`);
  if (value < -EDGE_TOLERANCE || value > 1 + EDGE_TOLERANCE) {
    throw new ShapeProblem(`"${key}" is ${raw}, outside the image (coordinates are fractions from 0 to 1; pixel coordinates are not read)`);
  }
  return clamp(value);
}

function polygonPoints(props: ReadonlyMap<string, string>): [number, number][] {
  const corners = (props.get('points') ?? '').trim().split(/\s+/).filter((pair) => pair !== '');
  const points = corners.map((pair) => {
    const [x, y, extra] = pair.split(',');
    if (x === undefined || y === undefined || extra !== undefined) throw new ShapeProblem(`corner "${pair}" is not "x,y"`);
    return [Number(x), Number(y)] as [number, number];
  });
  if (points.length < 3) throw new ShapeProblem(`a polygon needs at least 3 corners, not ${points.length}`);
  if (points.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) throw new ShapeProblem('a corner is not a number');
  if (!props.has('left') && !props.has('top')) return points.map(([x, y]) => [clamp(x), clamp(y)]);
  const dx = fraction(props, 'left') - Math.min(...points.map(([x]) => x));
  const dy = fraction(props, 'top') - Math.min(...points.map(([, y]) => y));
  const moved = points.map(([x, y]) => [x + dx, y + dy] as [number, number]);
  if (moved.some(([x, y]) => x > 1 + EDGE_TOLERANCE || y > 1 + EDGE_TOLERANCE)) throw new ShapeProblem('a corner is outside the image');
  return moved.map(([x, y]) => [clamp(x), clamp(y)]);
}

/** A box that stays on the image. */
function box(kind: 'rect' | 'ellipse', ordinal: number, left: number, top: number, width: number, height: number): OcclusionShape {
  if (width <= 0 || height <= 0) throw new ShapeProblem('it has no area (width or height is 0)');
  return { kind, ordinal, left, top, width: clamp(Math.min(width, 1 - left)), height: clamp(Math.min(height, 1 - top)) };
}

function toShape(kind: string, ordinal: number, props: ReadonlyMap<string, string>): OcclusionShape {
  switch (kind) {
    case 'rect':
      return box('rect', ordinal, fraction(props, 'left'), fraction(props, 'top'), fraction(props, 'width'), fraction(props, 'height'));
    case 'ellipse': {
      const hasRadii = props.has('rx') || props.has('ry');
      const width = hasRadii ? 2 * fraction(props, 'rx') : fraction(props, 'width');
      const height = hasRadii ? 2 * fraction(props, 'ry') : fraction(props, 'height');
      return box('ellipse', ordinal, fraction(props, 'left'), fraction(props, 'top'), width, height);
    }
    case 'polygon':
      return { kind: 'polygon', ordinal, points: polygonPoints(props) };
    default:
      throw new ShapeProblem(`"${kind}" is not a shape Flipdeck draws (rect, ellipse, polygon)`);
  }
}

const shown = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}...` : text);

/** The shapes of an Occlusion field's HTML, and a problem line for each shape it cannot draw. */
export function parseAnkiOcclusions(fieldHtml: string): AnkiOcclusions {
  const shapes: OcclusionShape[] = [];
  const hidesAll = new Set<number>();
  const problems: string[] = [];
  let index = 0;
  for (const match of decodeEntities(fieldHtml).matchAll(OCCLUSION)) {
    index += 1;
    const ordinal = Number(match[1]);
    const [kind = '', ...parts] = match[2]!.split(':');
    if (kind === 'text') continue;
    const props = new Map(
      parts.map((part) => {
        const at = part.indexOf('=');
        return at === -1 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1)];
      }),
    );
    try {
      if (ordinal < 1) throw new ShapeProblem(`c${ordinal} is not an occlusion number (they start at c1)`);
      shapes.push(toShape(kind.trim(), ordinal, props));
      if (props.get('oi') === '1') hidesAll.add(ordinal);
    } catch (error) {
      if (!(error instanceof ShapeProblem)) throw error;
      problems.push(`shape ${index} ("${shown(match[0])}") left out: ${error.message}`);
    }
  }
  return { shapes, hidesAll, problems };
}
