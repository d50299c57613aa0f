/**
 * Image occlusion cards (Anki's stock "Image Occlusion" note type): an image with masks over it,
 * one card per occlusion number. This module holds the card's `occlusion` field as the deck format
 * stores it (docs/deck-format.md) and its one check; parsing Anki's field text is
 * domain/import/anki-occlusion.ts.
 *
 * Coordinates are fractions of the image's width (x) and height (y), 0 to 1, from its top left.
 *
 * Imports name their `.ts` files because the Vite config loads this module natively.
 */
import { isRecord } from './valibot-messages.ts';

/** A rectangle or an ellipse: its bounding box. */
export interface OcclusionBox {
  readonly kind: 'rect' | 'ellipse';
  /** The occlusion number (Anki's `cN`); shapes with the same number are asked together. */
  readonly ordinal: number;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface OcclusionPolygon {
  readonly kind: 'polygon';
  readonly ordinal: number;
  /** At least three [x, y] corners. */
  readonly points: readonly (readonly [number, number])[];
}

export type OcclusionShape = OcclusionBox | OcclusionPolygon;

/**
 * `hide-all`: every shape is masked, the asked ones highlighted (Anki's "hide all, guess one");
 * `hide-one`: only the asked shapes are masked (Anki's "hide one, guess one").
 */
export type OcclusionMode = 'hide-all' | 'hide-one';

export interface Occlusion {
  /** The deck's stored image, as cards refer to it: `media/<name>`. */
  readonly image: string;
  /** The occlusion number this card asks. */
  readonly ordinal: number;
  readonly mode: OcclusionMode;
  /** Every shape of the note, the other cards' too. */
  readonly shapes: readonly OcclusionShape[];
}

/** Occlusion numbers run as Anki's cloze numbers do. */
export const MAX_OCCLUSION_ORDINAL = 500;
/** Beyond this a note is a drawing, not a card. */
export const MAX_OCCLUSION_SHAPES = 500;
const MAX_POLYGON_POINTS = 200;

const isFraction = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 1;
const isOrdinal = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_OCCLUSION_ORDINAL;

/** One shape with only the fields the format knows, or what is wrong with it. */
function readShape(shape: unknown): OcclusionShape | string {
  if (!isRecord(shape)) return 'must be an object';
  const { kind, ordinal } = shape;
  if (!isOrdinal(ordinal)) return `"ordinal" must be a whole number from 1 to ${MAX_OCCLUSION_ORDINAL}`;
  if (kind === 'polygon') {
    const points = shape['points'];
    if (!Array.isArray(points) || points.length < 3 || points.length > MAX_POLYGON_POINTS) return `"points" must list 3 to ${MAX_POLYGON_POINTS} corners`;
    const bad = points.findIndex((p) => !Array.isArray(p) || p.length !== 2 || !isFraction(p[0]) || !isFraction(p[1]));
    if (bad !== -1) return `corner ${bad + 1} of "points" must be [x, y], both from 0 to 1`;
    return { kind, ordinal, points: points.map(([x, y]: [number, number]) => [x, y] as const) };
  }
  if (kind !== 'rect' && kind !== 'ellipse') return '"kind" must be "rect", "ellipse" or "polygon"';
  const { left, top, width, height } = shape;
  const bad = Object.entries({ left, top, width, height }).find(([, n]) => !isFraction(n));
  if (bad) return `"${bad[0]}" must be a number from 0 to 1 (a fraction of the image)`;
  return { kind, ordinal, left, top, width, height } as OcclusionBox;
}

/**
 * A card's `occlusion` value as an Occlusion with only the fields the format knows (unknown ones
 * dropped), or what is wrong with it, in words for the deck's author.
 */
export function readOcclusion(value: unknown): Occlusion | string {
  if (!isRecord(value)) return 'must be an object with "image", "ordinal", "mode" and "shapes"';
  const { image, ordinal, mode, shapes } = value;
  if (typeof image !== 'string' || !image.startsWith('media/') || image.length <= 'media/'.length) {
    return '"image" must name the deck\'s image as "media/<file name>"';
  }
  if (!isOrdinal(ordinal)) return `"ordinal" must be a whole number from 1 to ${MAX_OCCLUSION_ORDINAL}`;
  if (mode !== 'hide-all' && mode !== 'hide-one') return '"mode" must be "hide-all" or "hide-one"';
  if (!Array.isArray(shapes) || shapes.length === 0 || shapes.length > MAX_OCCLUSION_SHAPES) {
    return `"shapes" must list 1 to ${MAX_OCCLUSION_SHAPES} shapes`;
  }
  const read: OcclusionShape[] = [];
  for (const [index, shape] of shapes.entries()) {
    const result = readShape(shape);
    if (typeof result === 'string') return `shape ${index + 1}: ${result}`;
    read.push(result);
  }
  if (!read.some((shape) => shape.ordinal === ordinal)) return `no shape has the card's ordinal ${ordinal}`;
  return { image, ordinal, mode, shapes: read };
}

/** The shapes drawn on a card: the asked ones, and in hide-all mode the others too. */
export function visibleShapes(occlusion: Occlusion): { readonly shape: OcclusionShape; readonly isAsked: boolean }[] {
  return occlusion.shapes
    .map((shape) => ({ shape, isAsked: shape.ordinal === occlusion.ordinal }))
    .filter(({ isAsked }) => isAsked || occlusion.mode === 'hide-all');
}

/** The image's accessible description: how many regions are masked and which is asked. */
export function occlusionLabel(occlusion: Occlusion, side: 'front' | 'back'): string {
  const ordinals = [...new Set(occlusion.shapes.map((shape) => shape.ordinal))].sort((a, b) => a - b);
  const region = ordinals.indexOf(occlusion.ordinal) + 1;
  const askedMasks = side === 'front' ? 1 : 0;
  const masked = occlusion.mode === 'hide-all' ? ordinals.length - 1 + askedMasks : askedMasks;
  const regions = `${masked} masked region${masked === 1 ? '' : 's'}`;
  return side === 'front'
    ? `Image with ${regions}; region ${region} is the question`
    : `Image with ${regions}; region ${region}, the answer, is revealed`;
}
