/**
 * The keyboard shortcuts the help dialog lists (src/app/KeyboardHelp.tsx). Plain data in its own
 * module, because the build prerenders the dialog too (scripts/vite-plugin-shell.ts).
 */
export const SHORTCUTS: readonly (readonly [keys: readonly string[], what: string])[] = [
  [['Space', 'Enter'], 'Show the answer; once it shows, answer Good'],
  [['1', '2', '3', '4'], 'Answer Again, Hard, Good or Easy'],
  [['Ctrl+Z', '⌘Z'], 'Undo the last answer'],
  [['E'], 'Edit the card you are studying (in a deck you wrote)'],
  [['Ctrl+Enter', '⌘Enter'], 'In the card editor: save, and start the next card'],
  [['?'], 'Show these shortcuts'],
  [['Esc'], 'Close this list; in the card editor, cancel'],
];
