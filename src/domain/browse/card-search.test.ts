import { describe, expect, it } from 'vitest';
import type { Card } from '../deck/types';
import { asCardId, type CardId } from '../ids';
import type { CardState } from '../scheduling/types';
import { cardState } from '../stats/test-fixtures';
import { leechCount, plainPreview, searchCards } from './card-search';

const card = (id: string, front: string, back = 'answer', tags: string[] = []): Card => ({ id: asCardId(id), front, back, tags });
const cards = [
  card('cgroups', 'What do **cgroups** limit?', 'CPU, memory and I/O per group', ['kernel']),
  card('namespaces', 'What do namespaces isolate?', 'PIDs, mounts, network'),
  card('hypervisor', 'Type 1 vs type 2 hypervisor', 'Bare metal vs hosted', ['virtualisation']),
];
const states = (...list: CardState[]): ReadonlyMap<CardId, CardState> => new Map(list.map((s) => [s.cardId, s]));
const ids = (found: Card[]) => found.map((c) => c.id);

describe('searchCards', () => {
  it('matches every word, case-insensitively, in front, back, tags or id, keeping deck order', () => {
    expect(ids(searchCards(cards, states(), { query: 'WHAT', filter: 'all' }))).toEqual(['cgroups', 'namespaces']);
    expect(ids(searchCards(cards, states(), { query: 'memory cpu', filter: 'all' }))).toEqual(['cgroups']);
    expect(ids(searchCards(cards, states(), { query: 'virtualisation', filter: 'all' }))).toEqual(['hypervisor']);
    expect(ids(searchCards(cards, states(), { query: 'what hosted', filter: 'all' }))).toEqual([]);
  });

  it('gives every card for an empty query', () => {
    expect(searchCards(cards, states(), { query: '  ', filter: 'all' })).toHaveLength(3);
  });

  it('filters to leeches (8+ lapses) or to suspended cards', () => {
    const known = states(
      cardState('cgroups', 'review', 2, { lapses: 8 }),
      cardState('namespaces', 'review', 2, { lapses: 7, isSuspended: true }),
    );
    expect(ids(searchCards(cards, known, { query: '', filter: 'leeches' }))).toEqual(['cgroups']);
    expect(ids(searchCards(cards, known, { query: '', filter: 'suspended' }))).toEqual(['namespaces']);
    expect(leechCount(cards, known)).toBe(1);
  });

  it('stays fast on a 10,000-card deck', () => {
    const big = Array.from({ length: 10_000 }, (_, i) => card(`c${i}`, `Question number ${i}`, `Answer ${i}`));
    searchCards(big, states(), { query: '', filter: 'all' });
    const started = performance.now();
    const found = searchCards(big, states(), { query: 'number 9999', filter: 'all' });
    expect(ids(found)).toEqual(['c9999']);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('plainPreview', () => {
  it('strips Markdown marks, links and code blocks to one line', () => {
    expect(plainPreview('# Why **containers**?\n\nSee [docs](http://x)\n```\ncode\n```')).toBe('Why containers? See docs');
  });

  it('shows escaped characters as the text they are, as in an imported Anki cloze (#11)', () => {
    expect(plainPreview('\\[...\\] make **ATP** \\*not bold\\* a\\_b')).toBe('[...] make ATP *not bold* a_b');
  });

  it('shortens long text with an ellipsis', () => {
    expect(plainPreview('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
