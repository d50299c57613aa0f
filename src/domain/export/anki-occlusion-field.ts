/**
 * Image occlusion cards back into the fields of Anki's stock "Image Occlusion" note type, in the
 * text Anki's mask editor writes (ts/routes/image-occlusion/shapes/to-cloze.ts): one cloze per
 * shape, `<br>` after each, fractions with four decimals and no leading zero (".2500"). The reader
 * is domain/import/anki-occlusion.ts.
 */
import type { Occlusion, OcclusionShape } from '../deck/occlusion.ts';

/** Anki's floatToDisplay: four decimals, "0.25" -> ".2500", 1 -> "1.0000". */
const fraction = (n: number) => n.toFixed(4).replace(/^0\./, '.');

function shapeText(shape: OcclusionShape): string {
  if (shape.kind === 'polygon') return `polygon:points=${shape.points.map(([x, y]) => `${fraction(x)},${fraction(y)}`).join(' ')}`;
  const at = `left=${fraction(shape.left)}:top=${fraction(shape.top)}`;
  if (shape.kind === 'ellipse') return `ellipse:${at}:rx=${fraction(shape.width / 2)}:ry=${fraction(shape.height / 2)}`;
  return `rect:${at}:width=${fraction(shape.width)}:height=${fraction(shape.height)}`;
}

/**
 * The Occlusion field of a note whose cards have these occlusions (one per card, the same shapes):
 * each shape gets `:oi=1` when the card asking it hides all.
 */
export function ankiOcclusionField(occlusions: readonly Occlusion[]): string {
  const hidesAll = new Set(occlusions.filter((o) => o.mode === 'hide-all').map((o) => o.ordinal));
  const shapes = occlusions[0]?.shapes ?? [];
  return shapes.map((shape) => `{{c${shape.ordinal}::image-occlusion:${shapeText(shape)}${hidesAll.has(shape.ordinal) ? ':oi=1' : ''}}}<br>`).join('');
}
