import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { makeAnki21bApkg, makeLegacyApkg } from '../../../../scripts/apkg-fixtures.mjs';
import { ankiCollectionToDeck, renderCloze, renderTemplate } from '../../../domain/import/anki-collection';
import { ImportError } from '../../../domain/import/import-error';
import { readAnkiPackage } from './read-apkg';

const turndown = new TurndownService();
turndown.remove(['script', 'style']);
const toMarkdown = (html: string) => turndown.turndown(html);

async function importFailure(work: Promise<unknown>): Promise<ImportError> {
  const error: unknown = await work.then(() => new Error('expected an ImportError'), (e: unknown) => e);
  if (error instanceof ImportError) return error;
  throw error;
}

describe.each([
  ['legacy collection.anki2', makeLegacyApkg],
  ['current collection.anki21b (zstd)', makeAnki21bApkg],
])('an Anki package, %s', (_name, make) => {
  it('becomes one card per Anki card: basic, both directions of a reversed note, one per cloze', async () => {
    const collection = await readAnkiPackage(await make(), 'biology.apkg');
    const deck = ankiCollectionToDeck(collection, 'biology.apkg', toMarkdown);
    expect(deck.title).toBe('Biology / Cells');
    expect(deck.cards.map((c) => [c.id, c.front, c.back])).toEqual([
      ['anki-g_2ebasic-0', 'What is **ATP**?', 'Energy currency  \n![](media/cell.png)'],
      ['anki-g_2frev_2b1-0', 'perro', 'dog'],
      ['anki-g_2frev_2b1-1', 'dog', 'perro'],
      ['anki-g_2ecloze-0', '\\[...\\] make ATP', '**Mitochondria** make ATP  \nExtra _info_'],
      ['anki-g_2ecloze-1', 'Mitochondria make \\[molecule\\]', 'Mitochondria make **ATP**  \nExtra _info_'],
      ['anki-g_2exss-0', 'XSS front', '[click me](javascript:alert\\(3\\))'],
    ]);
    expect(deck.cards[0]?.tags).toEqual(['bio', 'cells']);
    // The hostile note's <img src=x> names no file in the package.
    expect(deck.warnings.map((w) => w.message)).toEqual([
      'biology.apkg: 1 sound(s), SVG or missing image(s) were left out; Flipdeck shows PNG, JPEG, GIF, WebP and AVIF images only.',
    ]);
    expect(deck.media?.map((m) => [m.name, m.mimeType, m.bytes.subarray(0, 4)])).toEqual([['cell.png', 'image/png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47])]]);
  });
});

describe('broken Anki packages', () => {
  it('a truncated zip, a zip without a collection and a non-zip each say what is wrong', async () => {
    const whole = await makeLegacyApkg();
    const truncated = await importFailure(readAnkiPackage(whole.subarray(0, whole.length - 200), 'cut.apkg'));
    expect(truncated.code).toBe('malformed');
    expect(truncated.message).toMatch(/^cut\.apkg: the package is damaged or incomplete/);
    const { zipSync } = await import('fflate');
    expect((await importFailure(readAnkiPackage(zipSync({ 'notes.txt': new Uint8Array([65]) }), 'x.apkg'))).message).toMatch(/holds no Anki collection/);
    expect((await importFailure(readAnkiPackage(new TextEncoder().encode('front,back'), 'y.apkg'))).code).toBe('wrong-type');
    const garbage = zipSync({ 'collection.anki2': new TextEncoder().encode('not sqlite at all') });
    expect((await importFailure(readAnkiPackage(garbage, 'z.apkg'))).message).toMatch(/^z\.apkg: collection\.anki2 inside the package could not be read/);
  });
});

describe('Anki media', () => {
  it('keeps only images present in the package and of a type that cannot run script', () => {
    const collection = {
      notetypes: [{ id: 1, isCloze: false, fieldNames: ['F', 'B'], templates: [{ ord: 0, questionFormat: '{{F}}', answerFormat: '{{B}}' }] }],
      notes: [{ id: 1, guid: 'g', notetypeId: 1, fields: ['Q <img src="a.png"><img src=evil.svg>', 'A [sound:x.mp3]<img src="gone.jpg">'], tags: [] }],
      cards: [{ noteId: 1, ord: 0, deckId: 1 }],
      deckNames: new Map(),
      media: new Map([
        ['a.png', new Uint8Array([1])],
        ['evil.svg', new Uint8Array([2])],
      ]),
    };
    const deck = ankiCollectionToDeck(collection, 'm.apkg', toMarkdown);
    expect(deck.cards[0]).toMatchObject({ front: 'Q ![](media/a.png)', back: 'A' });
    expect(deck.media?.map((m) => m.name)).toEqual(['a.png']);
    expect(deck.warnings.map((w) => w.message)).toEqual([
      'm.apkg: 3 sound(s), SVG or missing image(s) were left out; Flipdeck shows PNG, JPEG, GIF, WebP and AVIF images only.',
    ]);
  });
});

describe('Anki templates', () => {
  const fields = new Map([
    ['Front', 'Q'],
    ['Extra', ''],
  ]);
  it('honours sections, filters and type-in fields', () => {
    const context = { frontSide: '', clozeNumber: 1, side: 'front' as const };
    expect(renderTemplate('{{Front}}{{#Extra}}<i>{{Extra}}</i>{{/Extra}}{{^Extra}} (no extra){{/Extra}}{{type:Front}}{{text:Front}}', fields, context)).toBe('Q (no extra)Q');
  });

  it('hides only the current cloze, with its hint', () => {
    expect(renderCloze('{{c1::a}} {{c2::b::hint}} {{c1::c}}', 2, 'front')).toBe('a [hint] c');
    expect(renderCloze('{{c1::a}} {{c2::b::hint}}', 1, 'back')).toBe('<b>a</b> b');
  });
});
