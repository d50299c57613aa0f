import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { SHORTCUTS } from './shortcuts';
import './keyboard-help.css';


/**
 * A modal dialog makes the page inert, but Tab past its last control still leaves for the
 * browser's own toolbar; keep it cycling through the dialog's controls instead.
 */
function trapTab(event: ReactKeyboardEvent<HTMLDialogElement>) {
  if (event.key !== 'Tab') return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')];
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey ? active === first : active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/**
 * The keyboard-shortcut list, opened with `?` on any screen. A native modal <dialog>: the page
 * behind it is inert (focus stays inside), Esc closes it, and focus returns where it was.
 */
export function KeyboardHelp() {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      // A "?" typed into a field is text, not a command.
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const element = dialog.current;
      if (!element || element.open) return;
      event.preventDefault();
      element.showModal();
      close.current?.focus();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <dialog ref={dialog} className="keyboard-help" aria-labelledby="keyboard-help-title" onKeyDown={trapTab}>
      <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
      <dl className="keyboard-help__list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="keyboard-help__row">
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' or '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button ref={close} className="button button--primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
