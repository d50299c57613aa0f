import { useCallback, useEffect, useId, useRef, useState, type ComponentType } from 'react';
import { expectedTypedAnswer } from '../../domain/answer/compare-answer';
import { cardFaces } from '../../domain/cloze/card-faces';
import type { Card, Deck } from '../../domain/deck/types';
import { FlipCard } from '../../components/FlipCard';
import { OcclusionFigure } from '../../components/OcclusionFigure';
import type { CardId, DeckId } from '../../domain/ids';
import type { Rating } from '../../domain/scheduling/types';
import { studyDeckOf, useStudyStore } from '../../store';
import { GradeBar } from './GradeBar';
import { SaveStatus } from './SaveStatus';
import { SessionComplete } from './SessionComplete';
import { SessionHeader } from './SessionHeader';
import { TypeAnswerField, TypedAnswerComparison } from './TypeAnswer';
import { useQueueMarkdownReady } from './use-deck-markdown';
import { useStudyKeys } from './use-study-keys';
import './study.css';

export interface StudyScreenProps {
  readonly deckId: DeckId;
  readonly deckHref: string;
  /**
   * The card editor: for a deck the student wrote or a bundled deck (the student's own version over
   * the lecturer's card), E or the Edit button opens it over the current card. The app passes it in from the authoring feature (features do not import each other).
   */
  readonly CardEditor?: ComponentType<{ readonly deckId: DeckId; readonly cardId: CardId; readonly onClose: () => void }>;
}

/** A study session: one card at a time, flip, grade, undo, until the end screen. */
export function StudyScreen({ deckId, deckHref, CardEditor: editor }: StudyScreenProps) {
  // With its subdecks' cards, when it has subdecks: studying it includes them.
  const deck = useStudyStore((s) => studyDeckOf(s, deckId)?.deck);
  // A bundled deck (no origin) shows the student's own versions of its cards, once they are read.
  const isBundled = useStudyStore((s) => s.deckEntries.some((e) => e.listing.id === deckId && e.listing.origin === undefined));
  const hasOverlay = useStudyStore((s) => s.bundledOverlays.has(deckId));
  const currentOverlay = useStudyStore((s) => (s.session?.current ? s.bundledOverlays.get(deckId)?.overlay.cards.get(s.session.current.cardId) : undefined));
  const openBundledOverlay = useStudyStore((s) => s.openBundledOverlay);
  const [hasOverlayFailed, setHasOverlayFailed] = useState(false);
  const isDeckLoaded = deck !== undefined;
  useEffect(() => {
    // Once the lecturer's deck is loaded. Unreadable versions leave the lecturer's cards on screen
    // rather than no study at all.
    if (isBundled && isDeckLoaded) {
      openBundledOverlay(deckId).then(
        (opened) => setHasOverlayFailed(opened === null),
        () => setHasOverlayFailed(true),
      );
    }
  }, [isBundled, isDeckLoaded, deckId, openBundledOverlay]);
  const isOverlayReady = !isBundled || hasOverlay || hasOverlayFailed;
  const canEdit = deck !== undefined && (isBundled ? hasOverlay : 'origin' in deck && deck.origin === 'authored');
  const CardEditor = canEdit ? editor : undefined;
  const session = useStudyStore((s) => (s.session?.deckId === deckId ? s.session : null));
  const sessionError = useStudyStore((s) => s.sessionError);
  const sessionNotice = useStudyStore((s) => s.sessionNotice);
  const isUndoing = useStudyStore((s) => s.isUndoing);
  const startSession = useStudyStore((s) => s.startSession);
  const leaveSession = useStudyStore((s) => s.leaveSession);
  const flip = useStudyStore((s) => s.flip);
  const grade = useStudyStore((s) => s.grade);
  const undo = useStudyStore((s) => s.undo);
  const cardInDeck = useCallback((cardId: CardId) => cardOf(deck, cardId), [deck]);
  const isMarkdownReady = useQueueMarkdownReady(session?.queue, cardInDeck);

  // Keyed on the deck being there, not on the deck object: an edit of one of its cards replaces
  // the object, and must leave the session (and the card on screen) as it is.
  const hasDeck = deck !== undefined;
  useEffect(() => {
    if (!hasDeck) return undefined;
    void startSession(deckId);
    return () => leaveSession();
  }, [hasDeck, deckId, startSession, leaveSession]);

  const current = session?.current ?? null;
  const isFlipped = session?.isFlipped ?? false;
  const [editingCardId, setEditingCardId] = useState<CardId | null>(null);
  const onGrade = useCallback((rating: Rating) => void grade(rating), [grade]);
  const onUndo = useCallback(() => void undo(), [undo]);

  // Keep keyboard focus on the next useful control: "Show answer", then "Good".
  const revealRef = useRef<HTMLButtonElement>(null);
  const frontId = useId();
  const goodRef = useRef<HTMLButtonElement>(null);
  const typeAnswerId = useId();
  const currentKey = current ? `${current.cardId}@${current.shownAt}` : null;
  // What the student typed, kept per shown card: a new card starts empty.
  const [typed, setTyped] = useState<{ readonly key: string | null; readonly text: string }>({ key: null, text: '' });
  const typedText = typed.key === currentKey ? typed.text : '';
  const card = cardOf(deck, current?.cardId);
  const currentCardId = current?.cardId;
  const onEdit = useCallback(() => {
    const shown = cardOf(deck, currentCardId);
    // A cloze card is edited as its note (the text all its sibling cards share).
    if (shown !== undefined) setEditingCardId((shown.noteId as CardId | undefined) ?? shown.id);
  }, [deck, currentCardId]);
  useStudyKeys({ isFlipped, onReveal: flip, onGrade, onUndo, ...(CardEditor && editingCardId === null ? { onEdit } : {}) });
  const expectedAnswer = card ? expectedTypedAnswer(card) : null;
  const isTypeIn = expectedAnswer !== null;
  useEffect(() => {
    // A type-in card starts in its answer field; otherwise "Show answer", then "Good".
    const field = !isFlipped && isTypeIn ? document.getElementById(typeAnswerId) : null;
    (field ?? (isFlipped ? goodRef : revealRef).current)?.focus();
  }, [currentKey, isFlipped, isMarkdownReady, isOverlayReady, isTypeIn, typeAnswerId]);

  if (sessionError) return <p role="alert" className="notice notice--error">{sessionError}</p>;
  if (!deck || !session || !isMarkdownReady || !isOverlayReady) return <p className="loading" role="status">Loading your cards…</p>;

  const faces = card ? cardFaces(card) : null;
  const canUndo = session.undoStack.length > 0 && !isUndoing;

  return (
    <div className="study">
      <SessionHeader title={deck.title} deckHref={deckHref} queue={session.queue} canUndo={canUndo} onUndo={onUndo} />
      <SaveStatus />
      {sessionNotice ? <p role="status" className="notice notice--warning">{sessionNotice}</p> : null}
      {current && faces ? (
        <>
          <h2 className="visually-hidden">Card</h2>
          <FlipCard
            front={faces.front}
            back={faces.back}
            repeatsQuestion={!faces.isBackComplete}
            answerExtra={isFlipped && expectedAnswer !== null ? <TypedAnswerComparison expected={expectedAnswer} typed={typedText} /> : null}
            frontFigure={card?.occlusion ? <OcclusionFigure occlusion={card.occlusion} side="front" /> : null}
            backFigure={card?.occlusion ? <OcclusionFigure occlusion={card.occlusion} side="back" /> : null}
            isFlipped={isFlipped}
            frontId={frontId}
            onReveal={flip}
          />
          {isTypeIn && !isFlipped ? (
            <TypeAnswerField id={typeAnswerId} value={typedText} onChange={(text) => setTyped({ key: currentKey, text })} onSubmit={flip} />
          ) : null}
          {currentOverlay?.status === 'lecturer-changed' ? (
            <p role="status" className="notice notice--warning">
              The lecturer has changed this card since you edited it; you see your version. Edit the card to compare.
            </p>
          ) : null}
          {CardEditor ? (
            <p className="study__edit">
              <button type="button" className="button button--ghost" onClick={onEdit}>
                Edit card <kbd aria-hidden="true">E</kbd>
              </button>
            </p>
          ) : null}
          {CardEditor && editingCardId !== null ? <CardEditor deckId={deckId} cardId={editingCardId} onClose={() => setEditingCardId(null)} /> : null}
          <div className="study__actions">
            {isFlipped ? (
              <GradeBar ref={goodRef} preview={current.preview} fromMs={current.shownAt} isDisabled={isUndoing} onGrade={onGrade} />
            ) : (
              // Focus lands here for each new card; the description makes a screen reader read the front.
              <button ref={revealRef} type="button" className="button button--primary button--wide" aria-describedby={frontId} onClick={flip}>
                Show answer <kbd aria-hidden="true">Space</kbd>
              </button>
            )}
          </div>
        </>
      ) : (
        <SessionComplete studiedCount={session.studiedCount} nextDueAt={session.nextDueAt} deckHref={deckHref} canUndo={canUndo} onUndo={onUndo} />
      )}
    </div>
  );
}

// Each deck's cards by id, built on first use: a linear search per card shown costs most of a
// millisecond on a 100,000-card deck, every grade.
const cardsById = new WeakMap<Deck, ReadonlyMap<CardId, Card>>();
function cardOf(deck: Deck | undefined, cardId: CardId | undefined): Card | undefined {
  if (!deck || cardId === undefined) return undefined;
  let byId = cardsById.get(deck);
  if (!byId) {
    byId = new Map(deck.cards.map((c) => [c.id, c]));
    cardsById.set(deck, byId);
  }
  return byId.get(cardId);
}
