import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** What the reader needs of exceljs's streaming reader beyond its published types (exceljs 4.4.0, pinned). */
interface ReaderInternals {
  sharedStrings?: unknown[];
  model?: { sheets?: { id: number; name: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

export type SheetReader = ExcelJS.stream.xlsx.WorksheetReader & { id?: number; name?: string };

export interface StreamingWorkbook {
  sheets(): AsyncIterable<SheetReader>;
  /** Id of the sheet a user sees first (first visible tab), once the workbook part is read. */
  firstSheetId(): number | undefined;
  date1904(): boolean;
}

/**
 * exceljs's streaming reader, with its text decoding fixed: it decodes each inflated chunk on its
 * own, so an é or ’ cut in two by a chunk boundary becomes U+FFFD (measured: 16 names in 20,000
 * rows). Every part is decoded here with a stateful UTF-8 decoder first; exceljs passes strings through.
 */
export function openWorkbook(input: Readable, hasSharedStrings = true): StreamingWorkbook {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  // A workbook without a shared strings part (inline strings, as Gardien's exports write) would
  // have every sheet parked in a temp file in /tmp until the end — register data left on disk when
  // the read stops early, and a hidden first tab lost. With none to wait for, sheets stream at once.
  if (!hasSharedStrings) internals.sharedStrings = [];
  for (const part of ['_parseRels', '_parseWorkbook', '_parseStyles', '_parseSharedStrings'] as const) {
    const original = internals[part] as (entry: Readable) => unknown;
    (internals as unknown as Record<string, unknown>)[part] = (entry: Readable) => original.call(reader, entry.setEncoding('utf8'));
  }
  const parseWorksheet = internals._parseWorksheet;
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet.call(reader, utf8(iterator), sheetNo);
  return {
    sheets: () => reader as AsyncIterable<SheetReader>,
    firstSheetId: () => internals.model?.sheets?.find((sheet) => sheet.state !== 'hidden' && sheet.state !== 'veryHidden')?.id,
    date1904: () => internals.properties?.model?.date1904 === true,
  };
}

async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}
