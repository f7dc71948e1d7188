import type { ExportQuery } from '../../../../shared/contract/spreadsheet';
import { AMMO_CONDITIONS } from '../../../../shared/domain/ammunition';
import { cardChange } from '../../ammunition/queries';
import type { Statements } from '../../db/statements';
import { decodeEvent } from '../../journal/event';
import { column, labels, sheet, type Sheet, type SourceContext } from './columns';
import { localDay } from './time';

type MovementQuery = Extract<ExportQuery, { kind: 'movements' }>['query'];

interface Line {
  seq: number;
  at: string;
  type: string;
  lotNumber: string;
  place: string;
  change: number;
  quantity: number | null;
  balance: number;
  condition: string;
  document: string;
  actor: string;
  approver: string;
}

/** The references a paper stock card shows in its "document" column (as the screen's card does). */
const DOCUMENT_KEYS = ['document', 'reference', 'certificate', 'transferId', 'caseReference'] as const;

type Data = Record<string, unknown>;
type Place = { storeId?: unknown; bay?: unknown };

/**
 * The stock record cards of one lot or of every lot, in journal order: each line of a lot's card
 * (the same events and the same running balance as lots.get gives), with the lot's number, the
 * store and bay, rounds in and out, the balance after it, the document and who recorded it.
 * `from` and `to` keep the lines recorded on those local days; the balance still counts every
 * line before them.
 */
export function movementsSheet(s: Statements, q: MovementQuery, c: SourceContext): Sheet {
  const { t } = c;
  const condition = labels(t, 'ammunition:condition', AMMO_CONDITIONS);
  const stores = new Map((s.sql('SELECT id, code FROM stores').all() as { id: number; code: string }[]).map((r) => [r.id, r.code]));
  const lots = new Map<number, string>();
  const lotNumber = (id: number) => {
    let n = lots.get(id);
    if (n === undefined) {
      const row = s.sql('SELECT lot_number AS n, lot_state AS state FROM lots WHERE id = ?').get(id) as { n: string; state: string } | undefined;
      n = row ? row.n || t(`ammunition:lotState.${row.state}`) : String(id);
      lots.set(id, n);
    }
    return n;
  };
  const users = new Map<number, string>();
  const person = (id: number | undefined) => {
    if (id === undefined) return '';
    let name = users.get(id);
    if (name === undefined) {
      const u = s.sql('SELECT username, full_name AS fullName FROM users WHERE id = ?').get(id) as { username: string; fullName: string } | undefined;
      name = u ? t('ammunition:card.actor', { name: u.fullName, username: u.username }) : String(id);
      users.set(id, name);
    }
    return name;
  };
  const placeText = (p: Place) => {
    const code = stores.get(Number(p.storeId)) ?? String(p.storeId);
    return typeof p.bay === 'string' && p.bay ? `${code} · ${p.bay}` : code;
  };
  const placeOf = (lotId: number, type: string, d: Data): string => {
    if (typeof d.storeId === 'number') return placeText(d);
    if (d.from && typeof d.from === 'object' && d.to && typeof d.to === 'object') return `${placeText(d.from as Place)} → ${placeText(d.to as Place)}`;
    if (type.startsWith('custody.') && Array.isArray(d.rounds)) {
      return [...new Set((d.rounds as (Place & { lotId: number })[]).filter((r) => r.lotId === lotId).map(placeText))].join('; ');
    }
    return d.place && typeof d.place === 'object' ? placeText(d.place as Place) : '';
  };
  const voucherNumber = (id: unknown) =>
    (s.sql('SELECT number FROM vouchers WHERE id = ?').get(id) as { number: string } | undefined)?.number ?? '';
  const documentOf = (seq: number, type: string, d: Data): string => {
    const parts = DOCUMENT_KEYS.map((k) => d[k]).filter((v): v is string => typeof v === 'string' && v !== '');
    if (type === 'custody.issued') parts.unshift(voucherNumber(seq));
    if (type === 'custody.returned') parts.unshift(voucherNumber(d.voucherId));
    return [...new Set(parts.filter((p) => p !== ''))].join(' · ');
  };
  const conditionOf = (type: string, d: Data): string => {
    if (type === 'ammo.condition_changed' && typeof d.from === 'string' && typeof d.to === 'string') return `${condition(d.from)} → ${condition(d.to)}`;
    return typeof d.condition === 'string' ? condition(d.condition) : '';
  };
  const typeLabel = (type: string): string => {
    const name = type.slice(type.indexOf('.') + 1);
    if (type.startsWith('ammo.')) return t(`ammunition:event.${name}`, { defaultValue: type });
    return t(`sheets:export.movement.${type.replace('.', '_')}`, { defaultValue: type });
  };

  const where = q.lotId !== undefined ? 'r.ref = ?' : "r.ref >= 'l:' AND r.ref < 'l;'";
  const params = q.lotId !== undefined ? [`l:${q.lotId}`] : [];
  const total = (s.sql(`SELECT COUNT(*) AS n FROM event_refs r WHERE ${where}`).get(...params) as { n: number }).n;
  const refs = s
    .sql(
      `SELECT CAST(substr(r.ref, 3) AS INTEGER) AS lotId, e.body FROM event_refs r CROSS JOIN events e ON e.seq = r.seq
       WHERE ${where} ORDER BY r.seq, lotId`,
    )
    .iterate(...params) as IterableIterator<{ lotId: number; body: Buffer }>;

  function* lines(): Generator<Line> {
    const balances = new Map<number, number>();
    for (const { lotId, body } of refs) {
      const e = decodeEvent(body);
      const d = (e.data ?? {}) as Data;
      const change = cardChange(s, lotId, e.type, d);
      const balance = (balances.get(lotId) ?? 0) + change;
      balances.set(lotId, balance);
      const day = localDay(e.at);
      if ((q.from !== undefined && day < q.from) || (q.to !== undefined && day > q.to)) continue;
      yield {
        seq: e.seq, at: e.at, type: e.type, lotNumber: lotNumber(lotId), place: placeOf(lotId, e.type, d), change,
        quantity: change === 0 && typeof d.quantity === 'number' ? d.quantity : null, balance, condition: conditionOf(e.type, d),
        document: documentOf(e.seq, e.type, d), actor: person(e.actor), approver: person(e.approver),
      };
    }
  }

  const columns = [
    column<Line>(t('ammunition:card.seq'), 'integer', 8, (l) => l.seq),
    column<Line>(t('ammunition:card.date'), 'instant', 17, (l) => l.at),
    column<Line>(t('ammunition:card.movement'), 'text', 22, (l) => typeLabel(l.type)),
    column<Line>(t('ammunition:field.lotNumber'), 'code', 14, (l) => l.lotNumber),
    column<Line>(t('sheets:export.column.place'), 'text', 18, (l) => l.place),
    column<Line>(t('sheets:export.column.in'), 'integer', 10, (l) => (l.change > 0 ? l.change : null)),
    column<Line>(t('sheets:export.column.out'), 'integer', 10, (l) => (l.change < 0 ? -l.change : null)),
    column<Line>(t('sheets:export.column.unchanged'), 'integer', 10, (l) => l.quantity),
    column<Line>(t('ammunition:card.balance'), 'integer', 10, (l) => l.balance),
    column<Line>(t('ammunition:field.condition'), 'text', 18, (l) => l.condition),
    column<Line>(t('ammunition:card.document'), 'code', 18, (l) => l.document),
    column<Line>(t('ammunition:card.by'), 'text', 24, (l) => l.actor),
    column<Line>(t('sheets:export.column.approvedBy'), 'text', 24, (l) => l.approver),
  ];
  return sheet(t('sheets:export.title.movements'), columns, total, lines());
}
