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
  const caret = start + text.length;
  if (isInserted && textarea.value === expected) {
    // Placed now, not a frame later, when the student may already have moved the cursor.
    textarea.setSelectionRange(caret, caret);
    return;
  }
  onChange(expected);
  // The text arrives with React's next render; place the cursor once it has.
  requestAnimationFrame(() => {
    if (textarea.value === expected) textarea.setSelectionRange(caret, caret);
  });
}
