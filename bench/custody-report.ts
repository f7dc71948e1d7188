import { bytes, duration, int } from '../src/main/cli/format';
import type { CustodyLoadResult } from './custody-load';
import type { CustodyTimes } from './custody-queries';
import type { Timings } from './stats';

export interface CustodyResult {
  /** The largest size asked for is below the 1,000,000 weapons. */
  smaller: boolean;
  load: CustodyLoadResult;
  times: CustodyTimes;
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const spread = (t: Timings) => `p50 ${ms(t.p50)} ms, p95 ${ms(t.p95)} ms, max ${ms(t.max)} ms over ${t.count}`;
const day = (iso: string) => iso.slice(0, 10);

/** The custody figures, printed once known. */
export function custodySection(c: CustodyResult): string {
  const { load: l, times: t } = c;
  const k = l.counts;
  return [
    `== custody on ${int(l.weapons)} weapons: ${int(l.events)} custody events, ${int(l.officers)} officers, ${int(l.out.weapons)} weapons out`,
    ...(c.smaller ? [`note       BENCH_SIZES made the largest weapons database ${int(l.weapons)} (the issue asks for 1,000,000)`] : []),
    `officers   ${int(l.officers)} with ${l.weaponTypes} authorisations each: ${int(l.officerEvents)} events in ${duration(l.officerSeconds * 1000)} (${int(Math.round(l.officerEvents / l.officerSeconds))} events/s)`,
    `history    ${int(k.issued)} issues (${int(k.twoWeapons)} of two weapons, ${int(k.withRounds)} with rounds, ${int(k.assignments)} assignments), ${int(k.returned)} returns, ` +
      `${int(k.casesOpened)} cases opened (${int(k.casesClosed)} closed by a manager), ${day(l.from)} to ${day(l.to)}`,
    `out now    ${int(l.out.weapons)} weapons on ${int(l.out.vouchers)} vouchers issued over the last 12 hours (${int(l.out.overdue)} weapons on checkouts already overdue)`,
    `core path  ${int(l.events)} custody events in ${duration(l.seconds * 1000)}: ${int(Math.round(l.rate))} events/s ` +
      '(typed inputs into appendIssue/appendReturn: every check, the journal, the projections; one journal write per batch)',
    `database   ${bytes(l.bytesBefore)} with the weapons alone, ${bytes(l.bytes)} with the custody history`,
    `open       ${ms(t.open)} ms (open with quick_check), storekeeper login ${ms(t.login)} ms`,
    `durability synchronous = ${t.synchronous}, journal_mode = ${t.journalMode}`,
    `issue      ${spread(t.issue)} (router: one weapon and 30 rounds, a checkout; aim: p95 < 10 ms)`,
    `return     ${spread(t.ret)} (router: that voucher settled in full; aim: p95 < 10 ms)`,
    `out list   ${spread(t.out)} (${int(t.out.rows)} rows, ${int(t.out.overdue)} overdue)`,
    `dashboard  ${spread(t.dashboard)} (${int(t.dashboard.overdue)} overdue, cases open: ${int(t.dashboard.casesOpen)})`,
    `officer    ${spread(t.lookup)} (officers.lookup by service number)`,
    `check      ${spread(t.check)} (custody.check by national code)`,
  ].join('\n');
}
