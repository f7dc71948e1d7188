import type { KeyboardEvent } from 'react';

/**
 * The counter is worked at the keyboard (and a scanner that types and presses Enter): Enter moves
 * to the next field marked data-desk-nav, Enter in the last one sends, Ctrl+Enter sends from anywhere.
 */
export const NAV = { 'data-desk-nav': '' } as const;

function navFields(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('[data-desk-nav]')].filter(
    (el) => !(el as HTMLInputElement).disabled && el.offsetParent !== null,
  );
}

/** Focuses the field after `from` (within `root`); false when `from` was the last one. */
export function focusNext(root: ParentNode, from: Element): boolean {
  const fields = navFields(root);
  const i = fields.indexOf(from as HTMLElement);
  const next = i < 0 ? fields.find((f) => from.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING) : fields[i + 1];
  if (!next) return false;
  next.focus();
  if (next instanceof HTMLInputElement && next.type !== 'checkbox' && next.type !== 'datetime-local') next.select();
  return true;
}

/** The form's onKeyDown: controls that handle Enter themselves call preventDefault first. */
export function enterHandler(submit: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
      return;
    }
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
    if (!target.hasAttribute('data-desk-nav')) return;
    e.preventDefault();
    if (!focusNext(e.currentTarget, target)) submit();
  };
}
