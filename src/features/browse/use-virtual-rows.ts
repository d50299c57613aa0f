import { useCallback, useLayoutEffect, useRef, useState } from 'react';

export interface VirtualRows {
  /** Attach to the scrolling element. */
  readonly scrollRef: React.RefObject<HTMLDivElement | null>;
  readonly onScroll: () => void;
  /** First and one-past-last row index to render. */
  readonly start: number;
  readonly end: number;
  /** Height of all rows together, px, for the inner spacer. */
  readonly totalHeightPx: number;
}

/**
 * Windowing for a list of fixed-height rows: only the rows in view (plus `overscan` on each side)
 * are in the DOM, so a 10,000-card deck renders a few dozen rows. The overscan also keeps the next
 * row mounted, so Tab moves into it and the browser scrolls it into view.
 */
export function useVirtualRows(count: number, rowHeightPx: number, overscan = 4): VirtualRows {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [scrollTopPx, setScrollTopPx] = useState(0);
  const [viewportPx, setViewportPx] = useState(600);

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

  const first = Math.floor(scrollTopPx / rowHeightPx);
  const visible = Math.ceil(viewportPx / rowHeightPx) + 1;
  return {
    scrollRef,
    onScroll,
    start: Math.max(0, Math.min(count, first - overscan)),
    end: Math.min(count, first + visible + overscan),
    totalHeightPx: count * rowHeightPx,
  };
}
