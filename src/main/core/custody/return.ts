import type { ReturnResult } from '../../../shared/contract/custody';
import type { returnInput } from '../../../shared/domain/custody';
import type { z } from '../../../shared/validation';
import { caseRow } from '../cases/queries';
import { openCase, type CaseDraft } from '../cases/open';
import type { Ctx } from '../context';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { Returned } from './events';
import { getVoucher, voucherView } from './voucher';

export type ReturnParsed = z.output<typeof returnInput>;

const mismatch = (why: string) => new AppError('return_lines_mismatch', `the return does not match the voucher: ${why}`);

interface RoundsLine {
  lotId: number;
  storeId: number;
  bay: string;
  issued: number;
}

const placeKey = (r: { lotId: number; storeId: number; bay: string }) => `${r.lotId}\n${r.storeId}\n${r.bay}`;

/**
 * What a return appends, checked against the voucher. The first return settles it: every weapon
 * still out is listed (handed in or declared not returned) and every rounds line reconciled. A
 * later return hands in weapons declared not returned, and nothing else.
 */
function planReturn(s: Statements, i: ReturnParsed): { data: Returned; officerId: number; drafts: Omit<CaseDraft, 'voucherId' | 'officerId' | 'source'>[] } {
  const v = getVoucher(s, i.voucherId);
  if (v.closed_seq !== null) {
    throw new AppError('voucher_closed', `voucher ${v.number} is closed`, { params: { voucherNumber: v.number } });
  }
  const lines = s.sql('SELECT weapon_id AS weaponId, outcome FROM voucher_weapons WHERE voucher_id = ?').all(v.id) as { weaponId: number; outcome: string }[];
  const listed = new Set(i.weapons.map((w) => w.weaponId));
  if (listed.size !== i.weapons.length) throw mismatch('a weapon is listed twice');
  const settles = v.settled_seq === null;
  const owed = new Set(lines.filter((l) => l.outcome === (settles ? 'out' : 'missing')).map((l) => l.weaponId));

  if (!settles) {
    // a late return: weapons declared not returned come back; rounds and magazines were reconciled already
    if (i.weapons.length === 0 || i.weapons.some((w) => !owed.has(w.weaponId) || !w.returned) || i.rounds.length > 0 || i.magazinesReturned > 0) {
      throw mismatch('only weapons declared not returned can come back after the voucher was settled');
    }
    const data: Returned = {
      voucherId: v.id, settles: false, weapons: i.weapons.map((w) => ({ weaponId: w.weaponId, condition: w.condition })), notReturned: [],
      magazinesReturned: 0, magazinesUnaccounted: 0, rounds: [], reference: i.reference, note: i.note,
    };
    return { data, officerId: v.officer_id, drafts: [] };
  }

  if (listed.size !== owed.size || [...listed].some((id) => !owed.has(id))) throw mismatch('list every weapon still out, and only those');
  const roundsLines = s.sql('SELECT lot_id AS lotId, store_id AS storeId, bay, issued FROM voucher_rounds WHERE voucher_id = ?').all(v.id) as RoundsLine[];
  const byPlace = new Map(roundsLines.map((r) => [placeKey(r), r]));
  const given = new Set(i.rounds.map(placeKey));
  if (given.size !== i.rounds.length || i.rounds.length !== roundsLines.length || [...given].some((k) => !byPlace.has(k))) {
    throw mismatch('give each rounds line of the voucher once');
  }
  const rounds = i.rounds.map((r, index) => {
    const line = byPlace.get(placeKey(r)) as RoundsLine;
    if (r.returned + r.expended > line.issued) {
      const params = { issued: line.issued };
      throw new AppError('returned_exceeds_issued', `${r.returned + r.expended} accounted for, ${line.issued} issued`, {
        params, fields: { [`rounds.${index}.returned`]: { code: 'returned_exceeds_issued', params } },
      });
    }
    const lot = s.sql('SELECT suspended FROM lots WHERE id = ?').get(r.lotId) as { suspended: number };
    return {
      lotId: r.lotId, storeId: r.storeId, bay: r.bay, returned: r.returned, expended: r.expended,
      unaccounted: line.issued - r.returned - r.expended,
      // what comes back into a suspended lot stays suspended until an inspection releases it
      condition: lot.suspended === 1 ? ('suspended' as const) : ('serviceable' as const),
    };
  });
  if (i.magazinesReturned > v.magazines) {
    const params = { issued: v.magazines };
    throw new AppError('returned_exceeds_issued', `${i.magazinesReturned} magazines returned, ${v.magazines} issued`, {
      params, fields: { magazinesReturned: { code: 'returned_exceeds_issued', params } },
    });
  }
  if (rounds.some((r) => r.expended > 0) && i.reference === '') {
    throw new AppError('reference_required', 'expended rounds need a reference', { fields: { reference: { code: 'reference_required' } } });
  }
  const notReturned = i.weapons.filter((w) => !w.returned).map((w) => w.weaponId);
  const magazinesUnaccounted = v.magazines - i.magazinesReturned;
  const data: Returned = {
    voucherId: v.id, settles: true,
    weapons: i.weapons.filter((w) => w.returned).map((w) => ({ weaponId: w.weaponId, condition: w.condition })),
    notReturned, magazinesReturned: i.magazinesReturned, magazinesUnaccounted, rounds, reference: i.reference, note: i.note,
  };
  const drafts = [
    ...notReturned.map((weaponId) => ({ subject: 'weapon' as const, weaponId, quantity: 1 })),
    ...rounds.filter((r) => r.unaccounted > 0).map((r) => ({ subject: 'rounds' as const, lotId: r.lotId, quantity: r.unaccounted })),
    ...(magazinesUnaccounted > 0 ? [{ subject: 'magazines' as const, quantity: magazinesUnaccounted }] : []),
  ];
  return { data, officerId: v.officer_id, drafts };
}

/** Records a return; each thing unaccounted opens one discrepancy case in the same transaction. */
export function returnVoucher(ctx: Ctx, input: ReturnParsed): ReturnResult {
  const { store } = ctx;
  const caseIds = appendReturn(store, ctx.session.userId, ctx.now, input);
  return {
    voucher: voucherView(store.s, input.voucherId, ctx.now, store.journal.getHead()),
    cases: caseIds.map((id) => caseRow(store.s, id, ctx.now)),
  };
}

/** Checks and appends one custody.returned and its cases (joining a caller's write); returns the case ids. */
export function appendReturn(store: Store, actor: number, now: Date, input: ReturnParsed): number[] {
  return store.journal.write(() => {
    const plan = planReturn(store.s, input);
    store.journal.append({ type: 'custody.returned', actor, data: plan.data });
    return plan.drafts.map((d) => openCase(store, actor, now, { ...d, source: 'custody', voucherId: input.voucherId, officerId: plan.officerId }));
  });
}
