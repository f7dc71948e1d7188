/**
 * Instants are stored in UTC (ISO 8601); registers show them in the armoury PC's own time, as
 * the screens do. Calendar dates (YYYY-MM-DD) have no time zone and are written as they are.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The local wall-clock parts of an ISO instant; null when the text is not one. */
export function localParts(iso: string): LocalParts | null {
  const d = new Date(iso);
  if (iso === '' || Number.isNaN(d.getTime())) return null;
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
}

/** "2025-03-01 14:05" in local time ('' for no instant): what a spreadsheet reads as a date and time. */
export function localDateTime(iso: string): string {
  const p = localParts(iso);
  return p ? `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}` : '';
}

/** The local calendar day of an instant (YYYY-MM-DD), for date filters. */
export function localDay(iso: string): string {
  const p = localParts(iso);
  return p ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : '';
}

/** "20250301-1405": the time stamp in export file names. */
export function fileStamp(now: Date): string {
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/**
 * A Date whose UTC fields are the given wall-clock time: XLSX date cells have no time zone and
 * exceljs converts through UTC, so the cell shows exactly these figures.
 */
export function wallClock(p: Pick<LocalParts, 'year' | 'month' | 'day'> & Partial<LocalParts>): Date {
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour ?? 0, p.minute ?? 0, p.second ?? 0));
}

/** A calendar date (YYYY-MM-DD) as parts; null when the text is not one. */
export function dateParts(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
