import type { StockCardLine } from '../../../../shared/contract/ammunition';
import type { AmmoLabels } from '../labels';

/** The event type without its family prefix: `ammo.issued` -> `issued`. */
export const eventName = (type: string) => type.slice(type.indexOf('.') + 1);

export function eventLabel(labels: AmmoLabels, type: string): string {
  const key = `event.${eventName(type)}`;
  const text = labels.t(key);
  return text === `ammunition:${key}` || text === key ? type : text;
}

/** The reference a paper register would show in its "document" column. */
const DOCUMENT_KEYS = ['document', 'reference', 'certificate', 'transferId', 'caseReference'] as const;

export function cardDocument(line: StockCardLine): string {
  const d = line.data;
  const parts = DOCUMENT_KEYS.map((k) => d[k]).filter((v): v is string => typeof v === 'string' && v !== '');
  return [...new Set(parts)].join(' · ');
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A place as stored in an event: `{storeId, bay}` plus, where core adds it, the store's code. */
function placeText(v: unknown, stores: Map<number, string>): string {
  if (!v || typeof v !== 'object') return '';
  const p = v as { storeId?: unknown; storeCode?: unknown; bay?: unknown };
  const code = str(p.storeCode) || stores.get(Number(p.storeId)) || str(p.storeId);
  return p.bay ? `${code} · ${str(p.bay)}` : code;
}

/**
 * What else a movement says, in words: recipient, origin, purpose, places, conditions, reasons.
 * Keys the UI does not know are left out rather than shown raw.
 */
export function cardDetails(labels: AmmoLabels, line: StockCardLine, stores: Map<number, string>): string[] {
  const d = line.data;
  const out: string[] = [];
  const add = (key: string, value: string) => value && out.push(labels.t(`detail.${key}`, { value }));
  // The date on the document, when it differs from the day the line was recorded.
  if (typeof d.date === 'string' && d.date !== line.at.slice(0, 10)) add('date', labels.date(d.date));
  // Moves, expenditures and re-conditioning leave the total alone: their quantity is said here.
  if (line.change === 0 && typeof d.quantity === 'number') add('quantity', labels.rounds(d.quantity));
  const recipient = d.recipient as { kind?: string; name?: string } | undefined;
  if (recipient?.name) add(recipient.kind === 'unit' ? 'toUnit' : 'toOfficer', recipient.name);
  add('source', str(d.source));
  if (typeof d.from === 'string' && !isCondition(d.from)) add('returnedBy', d.from);
  if (typeof d.purpose === 'string') add('purpose', labels.t(`purpose.${d.purpose}`));
  add('fromArmoury', str(d.fromArmoury));
  add('toArmoury', str(d.toArmoury));
  // Most events carry their place flattened (storeId, bay); a move carries `from` and `to`.
  if (typeof d.storeId === 'number') add('place', placeText(d, stores));
  add('from', typeof d.from === 'object' ? placeText(d.from, stores) : '');
  add('to', typeof d.to === 'object' ? placeText(d.to, stores) : '');
  if (typeof d.condition === 'string') add('condition', labels.condition(d.condition));
  if (typeof d.from === 'string' && typeof d.to === 'string' && d.from !== d.to && isCondition(d.from)) {
    out.push(labels.t('detail.conditionChange', { from: labels.condition(d.from), to: labels.condition(d.to) }));
  }
  if (typeof d.result === 'string') add('result', labels.t(`inspectionResult.${d.result}`));
  if (typeof d.nextDue === 'string') add('nextDue', labels.date(d.nextDue));
  add('method', str(d.method));
  add('reason', str(d.reason));
  add('circumstances', str(d.circumstances));
  add('notes', str(d.notes));
  return out;
}

function isCondition(v: string): boolean {
  return ['serviceable', 'repairable', 'suspended', 'awaiting_disposal'].includes(v);
}
