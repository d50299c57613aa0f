import { useEffect } from 'react';
import { RATINGS, type Rating } from '../../domain/scheduling/types';

export interface StudyKeyHandlers {
  readonly isFlipped: boolean;
  readonly onReveal: () => void;
  readonly onGrade: (rating: Rating) => void;
  readonly onUndo: () => void;
  /** Opens the card editor on the current card (E); absent where cards cannot be edited. */
  readonly onEdit?: () => void;
}

/**
 * Anki's keys: Space or Enter shows the answer (and, once shown, answers Good), 1–4 grade,
 * Ctrl/Cmd+Z undoes, E edits the card (a deck the student wrote). Keys aimed at a focused control are left to it, so Enter on the "Again"
 * button means Again, and typing in a field never grades a card.
 */
export function useStudyKeys({ isFlipped, onReveal, onGrade, onUndo, onEdit }: StudyKeyHandlers): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.isComposing) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const isOnControl = Boolean(target?.closest('button, a, summary'));

      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !event.shiftKey) {
        event.preventDefault();
        onUndo();
        return;
      }
      if (event.ctrlKey || event.metaKey) return;
      if (onEdit && (event.key === 'e' || event.key === 'E') && !event.shiftKey) {
        event.preventDefault();
        onEdit();
        return;
      }

      if ((event.key === ' ' || event.key === 'Enter') && !isOnControl) {
        event.preventDefault();
        if (isFlipped) onGrade('good');
        else onReveal();
        return;
      }
      const index = Number(event.key) - 1;
      const rating = RATINGS[index];
      if (isFlipped && rating && event.key.length === 1) {
        event.preventDefault();
        onGrade(rating);
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isFlipped, onReveal, onGrade, onUndo, onEdit]);
}
