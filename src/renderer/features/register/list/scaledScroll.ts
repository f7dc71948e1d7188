/**
 * Browsers cap an element's height (Chromium near 33.5M px, Firefox lower), so 1,000,000 rows of
 * 32 px cannot be laid out 1:1. The table keeps a *virtual* offset in row space and a capped *real*
 * scroll height; the two map linearly, so dragging the scrollbar to the bottom reaches the last
 * row, while wheel and keys move the virtual offset 1:1 and write the real one back.
 */
export const ROW_HEIGHT = 32;
/**
 * Well under every engine's cap (Firefox's is the lowest, ~17.8M px); above it the scroll position
 * is scaled. A scrollbar track is a few hundred pixels tall, so a higher cap would add no precision.
 */
export const MAX_SCROLL_HEIGHT = 4_000_000;

export interface ScrollGeometry {
  /** Rows × row height: what the list would be without a cap. */
  virtualHeight: number;
  /** Height of the scrolling content actually laid out. */
  realHeight: number;
  /** Visible height of the scroll area. */
  viewport: number;
}

export function geometry(rows: number, viewport: number, rowHeight = ROW_HEIGHT, max = MAX_SCROLL_HEIGHT): ScrollGeometry {
  const virtualHeight = rows * rowHeight;
  return { virtualHeight, realHeight: Math.min(virtualHeight, max), viewport };
}

const virtualMax = (g: ScrollGeometry) => Math.max(0, g.virtualHeight - g.viewport);
const realMax = (g: ScrollGeometry) => Math.max(0, g.realHeight - g.viewport);

export const isScaled = (g: ScrollGeometry) => g.realHeight < g.virtualHeight;

export function clampVirtual(g: ScrollGeometry, offset: number): number {
  return Math.min(Math.max(0, offset), virtualMax(g));
}

/** Real scrollTop (from the scrollbar) -> virtual offset. */
export function toVirtual(g: ScrollGeometry, scrollTop: number): number {
  const rm = realMax(g);
  if (rm === 0) return 0;
  if (scrollTop >= rm) return virtualMax(g); // the last pixel of the scrollbar is the last row
  return clampVirtual(g, (scrollTop * virtualMax(g)) / rm);
}

/** Virtual offset -> real scrollTop to write back to the element. */
export function toReal(g: ScrollGeometry, offset: number): number {
  const vm = virtualMax(g);
  if (vm === 0) return 0;
  return (clampVirtual(g, offset) * realMax(g)) / vm;
}

/** Rows to render for a virtual offset, with a little overscan either side. */
export function visibleRange(g: ScrollGeometry, offset: number, rows: number, overscan = 4, rowHeight = ROW_HEIGHT) {
  if (rows === 0) return { first: 0, last: -1 };
  const first = Math.max(0, Math.floor(offset / rowHeight) - overscan);
  const last = Math.min(rows - 1, Math.ceil((offset + g.viewport) / rowHeight) + overscan);
  return { first, last };
}

/** The virtual offset that brings a row fully into view, moving as little as possible. */
export function offsetToShow(g: ScrollGeometry, offset: number, row: number, rowHeight = ROW_HEIGHT): number {
  const top = row * rowHeight;
  if (top < offset) return clampVirtual(g, top);
  if (top + rowHeight > offset + g.viewport) return clampVirtual(g, top + rowHeight - g.viewport);
  return offset;
}
