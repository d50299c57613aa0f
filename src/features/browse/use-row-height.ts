import { useSyncExternalStore } from 'react';

// Must match browse.css: on a wide screen a row's facts fit on one line, on a phone they wrap.
const WIDE_QUERY = '(min-width: 40rem)';
const WIDE_ROW_PX = 136;
const NARROW_ROW_PX = 188;

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(WIDE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** The fixed row height (px) the windowed list uses at the current screen width. */
export function useRowHeight(): number {
  return useSyncExternalStore(subscribe, () => (window.matchMedia(WIDE_QUERY).matches ? WIDE_ROW_PX : NARROW_ROW_PX));
}
