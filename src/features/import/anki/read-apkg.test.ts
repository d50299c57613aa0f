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
      ['anki-g_2ebasic-0', 'What is **ATP**?', 'Energy currency'],
      ['anki-g_2frev_2b1-0', 'perro', 'dog'],
      ['anki-g_2frev_2b1-1', 'dog', 'perro'],
      ['anki-g_2ecloze-0', '\\[...\\] make ATP', '**Mitochondria** make ATP  \nExtra _info_'],
      ['anki-g_2ecloze-1', 'Mitochondria make \\[molecule\\]', 'Mitochondria make **ATP**  \nExtra _info_'],
      ['anki-g_2exss-0', 'XSS front', '[click me](javascript:alert\\(3\\))'],
    ]);
    expect(deck.cards[0]?.tags).toEqual(['bio', 'cells']);
    expect(deck.warnings.map((w) => w.message)).toEqual([
      'biology.apkg: 2 image or sound reference(s) were left out: media from Anki packages is not imported yet.',
    ]);
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
