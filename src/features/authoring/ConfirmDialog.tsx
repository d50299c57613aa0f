import { useEffect, useRef, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  /** False while what the dialog says is still being worked out (e.g. counting reviews). */
  readonly canConfirm?: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * A native modal <dialog> asking before something that cannot be taken back: the page behind is
 * inert, Esc cancels, and focus starts on the safe choice.
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel = 'Cancel', canConfirm = true, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus goes back where it was when the dialog closes, so the keyboard user carries on there.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
    return () => before?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="library-dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        // Esc here answers this dialog only; the editor underneath must not see it too.
        event.stopPropagation();
        onCancel();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 id="confirm-dialog-title">{title}</h2>
      {children}
      <div className="action-row">
        <button type="button" className="button button--primary" disabled={!canConfirm} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
