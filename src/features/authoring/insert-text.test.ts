// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { insertAtCursor } from './insert-text';

describe('inserting at the cursor', () => {
  it('replaces the selection and leaves the cursor after the inserted text, through onChange where there is no editing command', async () => {
    const textarea = document.createElement('textarea');
    document.body.append(textarea);
    textarea.value = 'The layers: here.';
    textarea.setSelectionRange(12, 16);
    const onChange = vi.fn((value: string) => {
      textarea.value = value;
    });
    insertAtCursor(textarea, '![layers](media/layers.png)', onChange);
    expect(onChange).toHaveBeenCalledWith('The layers: ![layers](media/layers.png).');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(textarea.selectionStart).toBe(12 + '![layers](media/layers.png)'.length);
    expect(textarea.selectionEnd).toBe(textarea.selectionStart);
    textarea.remove();
  });
});
