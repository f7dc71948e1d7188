import type { CheckSchedule } from '../../../shared/contract/stockcheck';
import { localToday } from '../../../shared/domain/weapon';
import { readSettings } from '../armoury/settings';
import type { Statements } from '../db/statements';

/** A calendar date plus whole months, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** The local date of the last closed check of that scope ('' never). */
function lastClosed(s: Statements, scope: 'full' | 'spot'): string {
  const row = s.sql("SELECT MAX(closed_at) AS at FROM stock_checks WHERE scope = ? AND status = 'closed'").get(scope) as { at: string | null };
  return row.at ? localToday(new Date(row.at)) : '';
}

/**
 * When the next full inventory and spot check are due (the settings' periods after the last one
 * closed, or after the armoury was created when there was none yet), and whether they are overdue.
 */
export function checkSchedule(s: Statements, now: Date): CheckSchedule {
  const settings = readSettings(s);
  const created = s.sql('SELECT created_at FROM armoury WHERE id = 1').get() as { created_at: string } | undefined;
  const since = created ? localToday(new Date(created.created_at)) : localToday(now);
  const today = localToday(now);
  const lastFull = lastClosed(s, 'full');
  const lastSpot = lastClosed(s, 'spot');
  const fullDue = addMonths(lastFull || since, settings.fullInventoryMonths);
  const spotDue = addDays(lastSpot || since, settings.spotCheckDays);
  return { lastFull, fullDue, fullOverdue: fullDue < today, lastSpot, spotDue, spotOverdue: spotDue < today };
}
