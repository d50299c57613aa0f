import { useMemo, type KeyboardEvent, type RefObject } from 'react';
import { Markdown } from '../../components/Markdown';
import { clozeTextProblem, expandNotes } from '../../domain/authoring/cloze-notes';
import { makeCloze } from '../../domain/authoring/make-cloze';
import { cardFaces } from '../../domain/cloze/card-faces';
import { asCardId } from '../../domain/ids';

/** Cards of a cloze note previewed at once; a longer note says how many more there are. */
const PREVIEWED_CARDS = 6;

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The shortcut as people read it, and as aria-keyshortcuts names it. */
export const MAKE_CLOZE_KEYS = isMac ? '⇧⌘C' : 'Ctrl+Shift+C';
const ARIA_KEYS = isMac ? 'Meta+Shift+C' : 'Control+Shift+C';

/**
 * Wraps the textarea's selection in the next cloze deletion. It inserts through the browser's
 * editing command where there is one, so the textarea's own undo (Ctrl/Cmd+Z) takes it back;
 * otherwise it sets the text through `onChange`.
 */
export function wrapSelectionInCloze(textarea: HTMLTextAreaElement, isSameNumber: boolean, onChange: (value: string) => void): void {
  const wrap = makeCloze(textarea.value, textarea.selectionStart, textarea.selectionEnd, isSameNumber);
  textarea.focus();
  // execCommand is deprecated but is still the one way to edit a textarea that its undo history records.
  const isInserted = typeof document.execCommand === 'function' && document.execCommand('insertText', false, wrap.insert);
  if (isInserted && textarea.value === wrap.text) {
    // Selected now, not a frame later: by then the student (or a test) may have selected the next words.
    textarea.setSelectionRange(wrap.selectionStart, wrap.selectionEnd);
    return;
  }
  onChange(wrap.text);
  // The text arrives with React's next render; select the wrapped words once it has.
  requestAnimationFrame(() => {
    if (textarea.value === wrap.text) textarea.setSelectionRange(wrap.selectionStart, wrap.selectionEnd);
  });
}

/** Ctrl/Cmd+Shift+C (with Alt/Option: the same number again) on the front's textarea. */
export function onMakeClozeKey(event: KeyboardEvent<HTMLTextAreaElement>, onChange: (value: string) => void): void {
  if (event.code !== 'KeyC' || !event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  wrapSelectionInCloze(event.currentTarget, event.altKey, onChange);
}

export interface MakeClozeButtonProps {
  readonly textRef: RefObject<HTMLTextAreaElement | null>;
  readonly onChange: (value: string) => void;
}

/** The toolbar button for "make cloze"; the textarea keeps its selection while the button has focus. */
export function MakeClozeButton({ textRef, onChange }: MakeClozeButtonProps) {
  return (
    <button
      type="button"
      className="button card-editor__tool"
      aria-keyshortcuts={ARIA_KEYS}
      onClick={(event) => {
        const textarea = textRef.current;
        if (textarea) wrapSelectionInCloze(textarea, event.altKey, onChange);
      }}
    >
      Make cloze <kbd aria-hidden="true">{MAKE_CLOZE_KEYS}</kbd>
    </button>
  );
}

export interface ClozePreviewProps {
  /** The (deferred) front and back of the note. */
  readonly front: string;
  readonly back: string;
  readonly side: 'front' | 'back';
}

/** The note's cards as study shows them: each front with its blank, or each back with the answer marked. */
export function ClozePreview({ front, back, side }: ClozePreviewProps) {
  const problem = useMemo(() => clozeTextProblem(front), [front]);
  const cards = useMemo(() => (problem === null ? expandNotes([{ id: asCardId('preview'), front, back, tags: [] }]) : []), [problem, front, back]);
  if (problem !== null) return <p className="card-editor__cloze-problem">This cloze cannot be studied yet: {problem}.</p>;
  const shown = cards.slice(0, PREVIEWED_CARDS);
  return (
    <ol className="card-editor__cloze-cards" aria-label={`${cards.length === 1 ? '1 card' : `${cards.length} cards`} from this cloze`}>
      {shown.map((card) => (
        <li key={card.id}>
          <p className="card-editor__cloze-label">Card {card.clozeNumber}</p>
          <Markdown text={cardFaces(card)[side]} />
        </li>
      ))}
      {cards.length > shown.length ? <li>…and {cards.length - shown.length} more cards</li> : null}
    </ol>
  );
}

