/**
 * Puts `text` in place of the textarea's selection, through the browser's editing command where
 * there is one, so the textarea's own undo (Ctrl/Cmd+Z) takes it back; otherwise it sets the text
 * through `onChange`. The cursor ends after the inserted text.
 */
export function insertAtCursor(textarea: HTMLTextAreaElement, text: string, onChange: (value: string) => void): void {
  const start = textarea.selectionStart;
  const expected = textarea.value.slice(0, start) + text + textarea.value.slice(textarea.selectionEnd);
  textarea.focus();
  // execCommand is deprecated but is still the one way to edit a textarea that its undo history records.
  const isInserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, text);
  if (!isInserted || textarea.value !== expected) onChange(expected);
  const caret = start + text.length;
  requestAnimationFrame(() => textarea.setSelectionRange(caret, caret));
}
