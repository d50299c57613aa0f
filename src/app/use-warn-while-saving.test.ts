// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useWarnWhileSaving } from './use-warn-while-saving';

function closeTab(): Event {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

describe('useWarnWhileSaving', () => {
  it('asks before the tab closes only while something is unsaved', () => {
    const { rerender, unmount } = renderHook(({ isSaving }) => useWarnWhileSaving(isSaving), { initialProps: { isSaving: false } });
    expect(closeTab().defaultPrevented).toBe(false);

    rerender({ isSaving: true });
    expect(closeTab().defaultPrevented).toBe(true);

    rerender({ isSaving: false });
    expect(closeTab().defaultPrevented).toBe(false);

    rerender({ isSaving: true });
    unmount();
    expect(closeTab().defaultPrevented).toBe(false);
  });
});
