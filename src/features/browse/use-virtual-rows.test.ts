import { describe, expect, it } from 'vitest';
import { rowIndexes, type RowWindow } from './use-virtual-rows';

const base: RowWindow = { count: 10_000, rowHeightPx: 50, scrollTopPx: 0, viewportPx: 200, focusedIndex: null, overscan: 2 };
const range = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => start + i);

describe('which rows of a long list are mounted', () => {
  it('the rows in view plus the overscan on each side, and no more', () => {
    expect(rowIndexes(base)).toEqual(range(0, 7));
    expect(rowIndexes({ ...base, scrollTopPx: 5_000 })).toEqual(range(98, 107));
  });

  it('keeps the rows after the focused one mounted before the scroll catches up, so Tab never skips out', () => {
    // Focus has moved to row 12 by Tab; the list has not seen the scroll yet.
    expect(rowIndexes({ ...base, focusedIndex: 12 })).toEqual([...range(0, 7), ...range(10, 15)]);
  });

  it('stays within the list, and ignores a focused row that a new search has removed', () => {
    expect(rowIndexes({ ...base, count: 3, focusedIndex: 2 })).toEqual([0, 1, 2]);
    expect(rowIndexes({ ...base, count: 3, focusedIndex: 40 })).toEqual([0, 1, 2]);
  });
});
