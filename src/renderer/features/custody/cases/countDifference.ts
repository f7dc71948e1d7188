import type { CaseRow } from '../../../../shared/contract/custody';

/** Where a stock check found a lot to differ from the book, and by how much (counted - book). */
export interface CountDifference {
  storeId: number;
  storeCode: string;
  bay: string;
  book: number;
  counted: number;
  delta: number;
}

/** From the case's own fields; null when the case did not come from a lot counted at a check. */
export function countDifference(row: CaseRow): CountDifference | null {
  if (row.source !== 'stock_check' || row.subject !== 'rounds' || !row.place || row.book === null || row.counted === null) return null;
  const { storeId, storeCode, bay } = row.place;
  return { storeId, storeCode, bay, book: row.book, counted: row.counted, delta: row.counted - row.book };
}
