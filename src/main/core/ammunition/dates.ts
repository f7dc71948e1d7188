import { localToday } from '../../../shared/domain/weapon';

/** Calendar arithmetic on YYYY-MM-DD strings (no time zone: a date is a day, not an instant). */
function parts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Adds whole months; the day is clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "Today" for the safety rules: the store clock's calendar date in the PC's time zone. */
export function today(now: Date): string {
  return localToday(now);
}

/**
 * The day after which a lot is suspended automatically: its next inspection plus twice its
 * interval ('' when it has no inspection date at all). Next inspection, when not given, is the
 * last one plus one interval, so "last + 3 intervals" follows.
 */
export function suspendAfter(nextInspection: string, intervalMonths: number): string {
  return nextInspection ? addMonths(nextInspection, 2 * intervalMonths) : '';
}

export function effectiveNextInspection(lastInspection: string, nextInspection: string, intervalMonths: number): string {
  if (nextInspection) return nextInspection;
  return lastInspection ? addMonths(lastInspection, intervalMonths) : '';
}
