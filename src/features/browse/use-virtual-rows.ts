import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';

export interface VirtualRows {
  /** Attach to the scrolling element. */
  readonly scrollRef: React.RefObject<HTMLDivElement | null>;
  readonly onScroll: () => void;
  /** Attach to the scrolling element too: keeps the rows around the focused one mounted. */
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** The row indexes to render, ascending (so the DOM order is the Tab order). */
  readonly indexes: readonly number[];
  /** Height of all rows together, px, for the inner spacer. */
  readonly totalHeightPx: number;
}

export interface RowWindow {
  readonly count: number;
  readonly rowHeightPx: number;
  readonly scrollTopPx: number;
  readonly viewportPx: number;
  /** The row holding keyboard focus, or null. */
  readonly focusedIndex: number | null;
  readonly overscan: number;
}

/**
 * The rows in view plus `overscan` on each side, and the rows around the focused one. The latter
 * matter for keyboard users: Tab moves focus before the list has seen the scroll that follows, so
 * the rows after the focused one must already be mounted, however fast Tab is pressed.
 */
export function rowIndexes({ count, rowHeightPx, scrollTopPx, viewportPx, focusedIndex, overscan }: RowWindow): number[] {
  const clamp = (index: number) => Math.max(0, Math.min(count, index));
  const first = Math.floor(scrollTopPx / rowHeightPx);
  const inView = [clamp(first - overscan), clamp(first + Math.ceil(viewportPx / rowHeightPx) + 1 + overscan)] as const;
  const ranges = [inView];
  if (focusedIndex !== null && focusedIndex < count) ranges.push([clamp(focusedIndex - overscan), clamp(focusedIndex + overscan + 1)]);
  const indexes = new Set<number>();
  for (const [start, end] of ranges) for (let index = start; index < end; index += 1) indexes.add(index);
  return [...indexes].sort((a, b) => a - b);
}

/**
 * Windowing for a list of fixed-height rows: only the rows in view and around the focused row are
 * in the DOM, so a 10,000-card deck renders a few dozen rows. Rows carry `aria-posinset` (1-based),
 * which is how a focused row is found.
 */
export function useVirtualRows(count: number, rowHeightPx: number, overscan = 4): VirtualRows {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [scrollTopPx, setScrollTopPx] = useState(0);
  const [viewportPx, setViewportPx] = useState(600);
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return undefined;
    setViewportPx(element.clientHeight);
    const observer = new ResizeObserver(() => setViewportPx(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    if (scrollRef.current) setScrollTopPx(scrollRef.current.scrollTop);
  }, []);

  // A focus event is discrete: React renders its update before the next key press is handled.
  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const position = event.target.closest('[aria-posinset]')?.getAttribute('aria-posinset');
    setFocusedIndex(position ? Number(position) - 1 : null);
  }, []);

  return {
    scrollRef,
    onScroll,
    onFocus,
    indexes: rowIndexes({ count, rowHeightPx, scrollTopPx, viewportPx, focusedIndex, overscan }),
    totalHeightPx: count * rowHeightPx,
  };
}
