import { useContext, useRef, type ClipboardEvent, type DragEvent, type RefObject } from 'react';
import { AddDeckMediaContext } from '../../components/deck-media';
import { imageMarkdown } from '../../domain/authoring/card-images';
import { messageOf } from '../../domain/errors';
import type { DeckId } from '../../domain/ids';
import { useStudyStore } from '../../store';
import { insertAtCursor } from './insert-text';
import { prepareCardImage } from './prepare-image';

/** What the file picker offers: the types a card may hold (card-images.ts), never SVG. */
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,image/avif';

export interface ImageMessages {
  readonly onAdded: (status: string) => void;
  readonly onRefused: (message: string) => void;
}

const px = (width: number, height: number) => `${width.toLocaleString('en')} × ${height.toLocaleString('en')} px`;
const stemOf = (fileName: string) => fileName.replace(/\.[a-z0-9]+$/i, '').trim();

/**
 * Paste, drop and "Add image…" for one side's textarea: each image is scaled down and stored with
 * the deck, then its Markdown goes in at the cursor (undoable, as make-cloze is) and the preview
 * shows it. A refused file says what and why; nothing is dropped silently.
 */
export function useCardImages(deckId: DeckId, textRef: RefObject<HTMLTextAreaElement | null>, onChange: (value: string) => void, messages: ImageMessages) {
  const addCardImage = useStudyStore((s) => s.addCardImage);
  const showMedia = useContext(AddDeckMediaContext);

  async function addFiles(files: readonly File[]) {
    for (const file of files) {
      try {
        const prepared = await prepareCardImage(file, file.name);
        const stored = await addCardImage(deckId, prepared);
        showMedia?.(stored.name, new Blob([stored.bytes as BlobPart], { type: stored.mimeType }));
        const textarea = textRef.current;
        if (textarea) insertAtCursor(textarea, imageMarkdown(stored.name, stemOf(file.name) || 'image'), onChange);
        const scaled = prepared.widthPx !== prepared.originalWidthPx ? `, scaled down from ${px(prepared.originalWidthPx, prepared.originalHeightPx)}` : '';
        messages.onAdded(`Image ${stored.name} added (${px(prepared.widthPx, prepared.heightPx)}${scaled}).`);
      } catch (caught) {
        messages.onRefused(messageOf(caught));
      }
    }
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = [...event.clipboardData.files];
    if (files.length === 0) return;
    event.preventDefault();
    void addFiles(files);
  }

  function onDragOver(event: DragEvent<HTMLTextAreaElement>) {
    if (event.dataTransfer.types.includes('Files')) event.preventDefault();
  }

  function onDrop(event: DragEvent<HTMLTextAreaElement>) {
    const files = [...event.dataTransfer.files];
    if (files.length === 0) return;
    event.preventDefault();
    void addFiles(files);
  }

  return { addFiles, onPaste, onDragOver, onDrop };
}

export interface AddImageButtonProps {
  readonly side: 'front' | 'back';
  readonly onFiles: (files: readonly File[]) => void;
}

/** "Add image…": a button that opens a file picker (the keyboard's way in, beside paste and drop). */
export function AddImageButton({ side, onFiles }: AddImageButtonProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button card-editor__tool" onClick={() => inputRef.current?.click()}>
        Add image to the {side}…
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        aria-label={`Image for the ${side}`}
        data-testid={`add-image-${side}`}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Emptied so choosing the same file again is a change too.
          event.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
