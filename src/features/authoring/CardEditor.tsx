import { useId, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Markdown } from '../../components/Markdown';
import { looksLikeCloze, noteClozeNumbers } from '../../domain/authoring/cloze-notes';
import type { CardDraft } from '../../domain/authoring/commands';
import { messageOf } from '../../domain/errors';
import type { Deck } from '../../domain/deck/types';
import { isUserDeckId } from '../../domain/deck/user-deck';
import type { CardId, DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { CardSaveStatus } from './CardSaveStatus';
import { ClozePreview, MakeClozeButton, MAKE_CLOZE_KEYS, onMakeClozeKey } from './ClozeTools';
import { ConfirmDialog } from './ConfirmDialog';
import { AddImageButton, useCardImages, type ImageMessages } from './ImageTools';
import { TagsInput } from './TagsInput';
import { useCardDraft } from './use-card-draft';

export interface CardEditorProps {
  readonly deck: Deck;
  /** Null: write a new card. */
  readonly cardId: CardId | null;
  /**
   * After a save or a cancel. `isNext` is true for Ctrl/Cmd+Enter: the editor of the deck then
   * starts the next new card; in a study session it returns to the card.
   */
  readonly onDone: (outcome: 'saved' | 'cancelled', isNext: boolean) => void;
  /** Saves an edited card another way (a bundled card's own version); omitted: the authored deck's editCard. */
  readonly save?: (draft: CardDraft) => Promise<void>;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Front and Back in Markdown with a live preview, tags, a same-front warning and keyboard saving. */
export function CardEditor({ deck, cardId, onDone, save: saveEdit }: CardEditorProps) {
  const draft = useCardDraft(deck, cardId);
  const writeCard = useStudyStore((s) => s.writeCard);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [isConfirmingCancel, setIsConfirmingCancel] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const frontRef = useRef<HTMLTextAreaElement>(null);
  const backRef = useRef<HTMLTextAreaElement>(null);
  const ids = { front: useId(), back: useId(), hint: useId(), dup: useId() };
  // Images are stored with a deck of the student's own; a bundled card's version has nowhere to keep them.
  const canAddImages = isUserDeckId(deck.id) && saveEdit === undefined;
  const imageMessages: ImageMessages = {
    onAdded: (text) => {
      setError(null);
      setStatus(text);
    },
    onRefused: setError,
  };
  const frontImages = useCardImages(deck.id as DeckId, frontRef, draft.setFront, imageMessages);
  const backImages = useCardImages(deck.id as DeckId, backRef, draft.setBack, imageMessages);

  async function save(isNext: boolean) {
    if (isSaving) return;
    setIsSaving(true);
    const fields = { front: draft.front, back: draft.back, tags: draft.tags };
    try {
      if (saveEdit) await saveEdit(fields);
      else {
        const write = await writeCard(deck.id as DeckId, cardId, fields);
        // A new card is ready for the next one as soon as it shows; its write goes on behind it.
        if (cardId === null) void write.saved.catch((caught: unknown) => putBack(fields, caught));
        // An edit closes its editor, so it waits here: a failed write is then shown where it was made.
        else await write.saved;
      }
      setError(null);
      if (cardId === null) {
        // The next card keeps the tags, as Anki's Add window does: cards are often added in runs.
        draft.reset({ front: '', back: '', tags: draft.tags });
        const clozeCount = noteClozeNumbers(fields).length;
        setStatus(clozeCount > 0 ? `Cloze added as ${clozeCount === 1 ? '1 card' : `${clozeCount} cards`}.` : `Card added. ${deck.cards.length + 1} cards in the deck.`);
        frontRef.current?.focus();
      } else {
        setStatus('Card saved.');
      }
      onDone('saved', isNext);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsSaving(false);
    }
  }

  /** A new card whose write failed: back into the editor when it is empty, or quoted whole in the message, so nothing is lost. */
  function putBack(fields: CardDraft, caught: unknown) {
    // The fields as they are now (the next card may be under way), not as they were at the save.
    const isEmpty = (frontRef.current?.value ?? '') === '' && (backRef.current?.value ?? '') === '';
    if (isEmpty) draft.reset(fields);
    setStatus('');
    setError(isEmpty ? `This card was not saved: ${messageOf(caught)}` : `A card was not saved: ${messageOf(caught)} Its front: “${fields.front}”; its back: “${fields.back}”.`);
  }

  function cancel() {
    if (draft.isDirty) setIsConfirmingCancel(true);
    else onDone('cancelled', false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
    }
  }

  const saveKeys = isMac ? '⌘Enter' : 'Ctrl+Enter';
  const isCloze = looksLikeCloze(draft.shownFront);
  const clozePreview = (side: 'front' | 'back') => (isCloze ? <ClozePreview front={draft.shownFront} back={draft.shownBack} side={side} /> : undefined);
  return (
    <form
      className="card-editor"
      aria-label={cardId === null ? 'New card' : 'Edit card'}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
    >
      <p id={ids.hint} className="card-editor__hint">
        Markdown: **bold**, *italic*, `code`, lists, tables{canAddImages ? '; paste or drop an image, or use the Add image buttons' : ''}. <kbd>{saveKeys}</kbd> saves{cardId === null ? ' and starts the next card' : ''}; <kbd>Esc</kbd> cancels.
        {' '}A cloze such as {'{{c1::answer}}'} on the front makes one card per number (<kbd>{MAKE_CLOZE_KEYS}</kbd> wraps the selection); the back is then optional extra text.
      </p>
      <div className="card-editor__sides">
        <Side
          id={ids.front}
          label="Front"
          value={draft.front}
          shown={draft.shownFront}
          onChange={draft.setFront}
          hintId={ids.hint}
          textRef={frontRef}
          describedBy={draft.duplicates.length > 0 ? ids.dup : undefined}
          tools={<MakeClozeButton textRef={frontRef} onChange={draft.setFront} />}
          onKeyDown={(event) => onMakeClozeKey(event, draft.setFront)}
          images={canAddImages ? frontImages : undefined}
          preview={clozePreview('front')}
        />
        <Side
          id={ids.back}
          label="Back"
          value={draft.back}
          shown={draft.shownBack}
          onChange={draft.setBack}
          hintId={ids.hint}
          textRef={backRef}
          images={canAddImages ? backImages : undefined}
          preview={clozePreview('back')}
        />
      </div>
      {canAddImages ? (
        // After both sides, so Tab still goes from the Front straight to the Back.
        <div className="card-editor__tools">
          <AddImageButton side="front" onFiles={(files) => void frontImages.addFiles(files)} />
          <AddImageButton side="back" onFiles={(files) => void backImages.addFiles(files)} />
        </div>
      ) : null}
      {draft.duplicates.length > 0 ? (
        <p id={ids.dup} className="notice notice--warning" role="status">
          {draft.duplicates.length === 1 ? 'Another card in this deck has the same front' : `${draft.duplicates.length} other cards in this deck have the same front`}
          {`: “${draft.duplicates[0]!.back.slice(0, 80)}”.`}
        </p>
      ) : null}
      <TagsInput tags={draft.tags} suggestions={draft.suggestions} onChange={draft.setTags} />
      {error ? <p role="alert" className="notice notice--error">{error}</p> : null}
      <div className="action-row">
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {cardId === null ? 'Add card' : 'Save card'}
        </button>
        <button type="button" className="button" onClick={cancel}>
          Cancel
        </button>
      </div>
      <p role="status" className="card-editor__status">{status}</p>
      {saveEdit ? null : <CardSaveStatus />}
      {isConfirmingCancel ? (
        <ConfirmDialog
          title="Discard your changes?"
          confirmLabel="Discard changes"
          cancelLabel="Keep editing"
          onConfirm={() => {
            setIsConfirmingCancel(false);
            // A new card's form stays for the next one, emptied; an edited card's editor closes.
            if (cardId === null) draft.reset({ front: '', back: '', tags: [] });
            onDone('cancelled', false);
          }}
          onCancel={() => setIsConfirmingCancel(false)}
        >
          <p>This card has changes that are not saved.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}

interface SideProps {
  readonly id: string;
  readonly label: 'Front' | 'Back';
  readonly value: string;
  /** The deferred value the preview renders. */
  readonly shown: string;
  readonly onChange: (value: string) => void;
  readonly hintId: string;
  readonly describedBy?: string | undefined;
  readonly textRef?: React.RefObject<HTMLTextAreaElement | null>;
  /** Buttons above the textarea. */
  readonly tools?: ReactNode;
  readonly onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  /** What the preview shows instead of the side's Markdown (a cloze note's cards). */
  readonly preview?: ReactNode | undefined;
  /** Paste and drop of images (ImageTools.tsx); absent where images cannot be stored. */
  readonly images?: SideImageHandlers | undefined;
}

interface SideImageHandlers {
  readonly onPaste: (event: ClipboardEvent<HTMLTextAreaElement>) => void;
  readonly onDragOver: (event: DragEvent<HTMLTextAreaElement>) => void;
  readonly onDrop: (event: DragEvent<HTMLTextAreaElement>) => void;
}

function Side({ id, label, value, shown, onChange, hintId, describedBy, textRef, tools, onKeyDown, preview, images }: SideProps) {
  return (
    <div className="card-editor__side">
      <label htmlFor={id}>{label}</label>
      {tools ? <div className="card-editor__tools">{tools}</div> : null}
      <textarea
        id={id}
        ref={textRef}
        value={value}
        rows={5}
        aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={images?.onPaste}
        onDragOver={images?.onDragOver}
        onDrop={images?.onDrop}
      />
      <section className="card-editor__preview" aria-label={`${label} preview`} data-testid={`preview-${label.toLowerCase()}`}>
        {preview ?? (shown.trim() === '' ? <p className="card-editor__empty">Preview of the {label.toLowerCase()}</p> : <Markdown text={shown} />)}
      </section>
    </div>
  );
}
