import { describe, expect, it } from 'vitest';
import { makeAnki21bApkg } from '../../../../scripts/apkg-fixtures.mjs';
import { ankiCollectionToDeck } from '../../../domain/import/anki-collection';
import { createHtmlToMarkdown } from './html-to-markdown';
import { readAnkiPackage } from './read-apkg';

describe('field HTML to Markdown without a page DOM (as in the import worker)', () => {
  it('converts the fixture notes, drops scripts and keeps media links', async () => {
    const deck = ankiCollectionToDeck(await readAnkiPackage(await makeAnki21bApkg(), 'biology.apkg'), 'biology.apkg', createHtmlToMarkdown());
    expect(deck.cards.map((c) => [c.front, c.back])).toEqual([
      ['What is **ATP**?', 'Energy currency  \n![](media/cell.png)'],
      ['perro', 'dog'],
      ['dog', 'perro'],
      ['\\[...\\] make ATP', '**Mitochondria** make ATP  \nExtra *info*'],
      ['Mitochondria make \\[molecule\\]', 'Mitochondria make **ATP**  \nExtra *info*'],
      ['XSS front', '[click me](javascript:alert\\(3\\))'],
    ]);
  });
});
