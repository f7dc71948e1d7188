import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Escape closes it and focus
 * returns to the button that opened it. Shown on mount, closed on unmount: callers render it or not.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; testId?: string; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={props.className ?? 'dialog'}
      aria-labelledby={titleId}
      data-testid={props.testId}
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}
