import { describe, expect, it } from 'vitest';
import { parseAnkiOcclusions } from './anki-occlusion';

describe('parseAnkiOcclusions', () => {
  it('reads rectangles, ellipses (by their radii) and polygons, in fractions of the image', () => {
    const parsed = parseAnkiOcclusions(
      '{{c1::image-occlusion:rect:left=.2:top=.3:width=.1:height=.15}}<br>' +
        '{{c2::image-occlusion:ellipse:left=.1734:top=.1508:rx=.1929:ry=.1214}}<br>' +
        '{{c3::image-occlusion:polygon:points=.1,.1 .4,.1 .25,.5}}<br>',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.shapes).toEqual([
      { kind: 'rect', ordinal: 1, left: 0.2, top: 0.3, width: 0.1, height: 0.15 },
      { kind: 'ellipse', ordinal: 2, left: 0.1734, top: 0.1508, width: 0.3858, height: 0.2428 },
      { kind: 'polygon', ordinal: 3, points: [[0.1, 0.1], [0.4, 0.1], [0.25, 0.5]] },
    ]);
  });

  it('places polygon corners written from 0,0 at the shape\'s left and top, as Anki\'s editor does', () => {
    const { shapes } = parseAnkiOcclusions('{{c1::image-occlusion:polygon:left=.3734:top=.2508:points=.0000,.0000 .3858,.0109 .0093,.2429}}');
    expect(shapes[0]).toEqual({ kind: 'polygon', ordinal: 1, points: [[0.3734, 0.2508], [0.7592, 0.2617], [0.3827, 0.4937]] });
  });

  it('tells "hide all, guess one" (oi=1) from "hide one, guess one", per occlusion number', () => {
    const { hidesAll } = parseAnkiOcclusions(
      '{{c1::image-occlusion:rect:left=.1:top=.1:width=.1:height=.1:oi=1}}{{c2::image-occlusion:rect:left=.5:top=.5:width=.1:height=.1}}',
    );
    expect([...hidesAll]).toEqual([1]);
  });

  it('keeps shapes with the same number together as one question', () => {
    const { shapes } = parseAnkiOcclusions(
      '{{c2::image-occlusion:rect:left=.1:top=.1:width=.1:height=.1}}<br>{{c2::image-occlusion:ellipse:left=.5:top=.5:rx=.1:ry=.1}}',
    );
    expect(shapes.map((s) => [s.kind, s.ordinal])).toEqual([
      ['rect', 2],
      ['ellipse', 2],
    ]);
  });

  it('leaves out a malformed shape with a problem naming it, and keeps the rest', () => {
    const parsed = parseAnkiOcclusions(
      '{{c1::image-occlusion:rect:left=abc:top=.1:width=.1:height=.1}}' +
        '{{c2::image-occlusion:rect:left=120:top=40:width=300:height=80}}' +
        '{{c3::image-occlusion:polygon:points=.1,.1 .2,.2}}' +
        '{{c4::image-occlusion:star:left=.1:top=.1}}' +
        '{{c5::image-occlusion:rect:left=.1:top=.1:width=.2}}' +
        '{{c6::image-occlusion:rect:left=.5:top=.5:width=.2:height=.2}}',
    );
    expect(parsed.shapes).toEqual([{ kind: 'rect', ordinal: 6, left: 0.5, top: 0.5, width: 0.2, height: 0.2 }]);
    expect(parsed.problems).toEqual([
      'shape 1 ("{{c1::image-occlusion:rect:left=abc:top=.1:width=.1:height=.1}}") left out: "left" is not a number ("abc")',
      'shape 2 ("{{c2::image-occlusion:rect:left=120:top=40:width=300:height=80}}") left out: "left" is 120, outside the image (coordinates are fractions from 0 to 1; pixel coordinates are not read)',
      'shape 3 ("{{c3::image-occlusion:polygon:points=.1,.1 .2,.2}}") left out: a polygon needs at least 3 corners, not 2',
      'shape 4 ("{{c4::image-occlusion:star:left=.1:top=.1}}") left out: "star" is not a shape Flipdeck draws (rect, ellipse, polygon)',
      'shape 5 ("{{c5::image-occlusion:rect:left=.1:top=.1:width=.2}}") left out: "height" is missing',
    ]);
  });

  it('clamps a mask dragged a little over the image edge, and skips text labels', () => {
    const { shapes, problems } = parseAnkiOcclusions(
      '{{c1::image-occlusion:rect:left=.9:top=-.01:width=.2:height=.1}}{{c1::image-occlusion:text:left=.1:top=.1:text=Aorta:scale=1}}',
    );
    expect(problems).toEqual([]);
    expect(shapes).toHaveLength(1);
    expect(shapes[0]).toMatchObject({ left: 0.9, top: 0 });
    expect((shapes[0] as { width: number }).width).toBeCloseTo(0.1);
  });

  it('reads fields whose HTML escapes the text (&nbsp; between corners)', () => {
    const { shapes } = parseAnkiOcclusions('{{c1::image-occlusion:polygon:points=.1,.1&nbsp;.3,.1&nbsp;.2,.3}}');
    expect(shapes[0]).toEqual({ kind: 'polygon', ordinal: 1, points: [[0.1, 0.1], [0.3, 0.1], [0.2, 0.3]] });
  });
});
