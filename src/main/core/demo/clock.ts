import type { Store } from '../store';

/** Ammunition movements: each history day from 08:00, six minutes apart. */
const STEP_MS = 6 * 60_000;
/** Custody: events at the times the counter's day gives them, a minute apart when one follows another. */
const GAP_MS = 60_000;

export type HistoryClock = ReturnType<typeof historyClock>;

/** A day's local time (the PC's time zone, as the app shows it), in ms. */
export function localTime(iso: string, hours: number, minutes = 0): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hours, minutes).getTime();
}

/**
 * Event times for the demo's last year (ammunition and custody): never before the journal's last
 * event, so times stay in seq order whatever the weapons' history reached. The journal's clock is
 * fixed per Store, hence a second Store on the same connection (see addDemoAmmunition).
 */
export function historyClock(base: Store) {
  const last = base.s.sql('SELECT at FROM events ORDER BY seq DESC LIMIT 1').get() as { at: string } | undefined;
  let cursor = last ? Date.parse(last.at) : 0;
  let step = STEP_MS;
  return {
    /** The ammunition's working day: from 08:00, six minutes apart. */
    startDay(iso: string) {
      cursor = Math.max(cursor, localTime(iso, 8));
      step = STEP_MS;
    },
    /**
     * The next events happen from `t` (or just after the last one, if later), a minute apart;
     * returns the time the next event will carry, for the checks that compare with "now".
     */
    at(t: number): Date {
      step = GAP_MS;
      cursor = Math.max(cursor, t - GAP_MS);
      return new Date(cursor + GAP_MS);
    },
    now: () => new Date((cursor += step)),
  };
}
