import type { HistoryEntry } from '../../../../shared/contract/register';
import { formatDateTime } from '../../../i18n/format';
import { fieldValueText, type Labels } from '../labels';

type Data = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Weapon events this screen names (register:event.<name>); others show their type code. */
const KNOWN_EVENTS = new Set([
  'registered', 'transferred_in', 'corrected', 'moved', 'maintenance_out', 'maintenance_back', 'condition_changed',
  'loss_reported', 'theft_reported', 'recovered', 'surplus_declared', 'destroyed', 'deactivated', 'transferred_out',
]);

/** Custody and discrepancy-case events that name a weapon (register:event.custody_issued…). */
const CUSTODY_EVENTS = new Set(['custody.issued', 'custody.returned', 'case.opened', 'case.updated', 'case.closed']);

/** The translated name of a journal event type (`weapon.loss_reported` -> register:event.loss_reported). */
export function eventLabel(l: Labels, type: string): string {
  if (CUSTODY_EVENTS.has(type)) return l.t(`register:event.${type.replace('.', '_')}`);
  const key = type.startsWith('weapon.') ? type.slice('weapon.'.length) : '';
  return KNOWN_EVENTS.has(key) ? l.t(`register:event.${key}`) : type;
}

/**
 * What an event says, as lines a person reads in a dossier: reasons, document references,
 * methods, witnesses. A line is left out when its value is empty. Given the dossier's weapon,
 * a voucher's lines speak of that weapon (its magazines, its condition on return).
 */
export function eventDetails(l: Labels, e: HistoryEntry, weaponId?: number): string[] {
  if (CUSTODY_EVENTS.has(e.type)) return custodyDetails(l, e, weaponId);
  const d: Data = e.data;
  const lines: string[] = [];
  const line = (key: string, value: unknown, format: (v: string) => string = (v) => v) => {
    const v = str(value);
    if (v) lines.push(l.t(`register:eventDetail.${key}`, { value: format(v) }));
  };
  const date = () => line('date', d.date, l.date);
  switch (e.type) {
    case 'weapon.registered':
    case 'weapon.transferred_in':
      lines.push(l.t('register:eventDetail.registered', { nationalCode: str(d.nationalCode), serial: str(d.serial), make: `${str(d.manufacturer)} ${str(d.model)}` }));
      if (e.type === 'weapon.transferred_in') lines.push(l.t('register:eventDetail.transferIn', { transferId: str(d.transferId), armoury: str(d.fromArmoury) }));
      lines.push(l.t('register:eventDetail.acquired', { date: l.date(str(d.acquisitionDate)), mode: l.acquisitionMode(str(d.acquisitionMode)) }));
      line('source', d.acquisitionSource);
      line('document', e.type === 'weapon.transferred_in' ? d.document || d.acquisitionDocument : d.acquisitionDocument);
      importedFrom(l, d.source, lines);
      break;
    case 'weapon.corrected': {
      const field = str(d.field);
      lines.push(
        l.t('register:eventDetail.corrected', {
          field: l.field(field),
          from: fieldValueText(l, field, d.from),
          to: fieldValueText(l, field, d.to),
          reason: str(d.reason),
          seq: str(d.corrects),
        }),
      );
      break;
    }
    case 'weapon.moved':
      lines.push(l.t('register:eventDetail.moved', { value: str(d.location) || '—' }));
      line('reason', d.reason);
      break;
    case 'weapon.maintenance_out':
      line('workshop', d.workshop);
      line('reason', d.reason);
      break;
    case 'weapon.maintenance_back':
    case 'weapon.condition_changed':
      line('condition', d.condition, l.condition);
      line('reason', d.reason);
      line('note', d.note);
      break;
    case 'weapon.loss_reported':
    case 'weapon.theft_reported':
    case 'weapon.recovered':
      date();
      line('circumstances', d.circumstances);
      line('reference', d.reference);
      line('location', d.location);
      break;
    case 'weapon.surplus_declared':
      line('reason', d.reason);
      line('reference', d.reference);
      break;
    case 'weapon.destroyed': {
      date();
      line('method', d.method, l.method);
      line('certificate', d.certificate);
      const [a, b] = Array.isArray(d.witnesses) ? d.witnesses.map(str) : [];
      if (a || b) lines.push(l.t('register:eventDetail.witnesses', { first: a ?? '', second: b ?? '' }));
      break;
    }
    case 'weapon.deactivated':
      date();
      line('certificate', d.certificate);
      break;
    case 'weapon.transferred_out':
      date();
      lines.push(l.t('register:eventDetail.transferOut', { transferId: str(d.transferId), armoury: str(d.toArmoury) }));
      line('document', d.document);
      break;
    default:
      // An event this screen does not know yet (a later feature): show its data as it is.
      for (const [k, v] of Object.entries(d)) if (k !== 'weaponId' && str(v)) lines.push(`${k}: ${typeof v === 'object' ? JSON.stringify(v) : str(v)}`);
  }
  return lines;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const list = (v: unknown): Data[] => (Array.isArray(v) ? v.filter((x): x is Data => typeof x === 'object' && x !== null) : []);

/** A voucher's number as core gives it: UTC year of the issue, then its entry number on six digits. */
export function voucherNumber(seq: number, at: string): string {
  return `${new Date(at).getUTCFullYear()}-${String(seq).padStart(6, '0')}`;
}

/** Issue, return and discrepancy-case events as the weapon's dossier tells them. */
function custodyDetails(l: Labels, e: HistoryEntry, weaponId?: number): string[] {
  const d: Data = e.data;
  const lines: string[] = [];
  const c = (key: string, params: Record<string, unknown> = {}) => lines.push(l.t(`register:custodyDetail.${key}`, params));
  const text = (key: string, value: unknown) => {
    if (str(value)) c(key, { value: str(value) });
  };
  switch (e.type) {
    case 'custody.issued': {
      const weapons = list(d.weapons);
      c('voucher', { number: voucherNumber(e.seq, e.at), kind: l.t(`register:custodyDetail.kind.${str(d.kind) === 'assignment' ? 'assignment' : 'checkout'}`) });
      c('officer', { serviceNumber: str(d.acknowledgement) });
      text('duty', d.duty);
      if (str(d.expectedReturn)) c('expectedReturn', { value: formatDateTime(str(d.expectedReturn), l.lang) });
      const mine = weapons.find((w) => w.weaponId === weaponId);
      if (mine) c('magazines', { n: l.number(num(mine.magazines)) });
      if (weapons.length > 1 || !mine) c('weapons', { n: l.number(weapons.length) });
      const rounds = list(d.rounds).reduce((sum, r) => sum + num(r.quantity), 0);
      if (rounds > 0) c('rounds', { n: l.number(rounds) });
      const override = d.override as Data | undefined;
      if (override && typeof override === 'object') c('override', { reason: str(override.reason) });
      text('note', d.note);
      break;
    }
    case 'custody.returned': {
      c(d.settles === false ? 'lateReturn' : 'returnOf', { seq: str(d.voucherId) });
      const handed = list(d.weapons);
      const notReturned = Array.isArray(d.notReturned) ? d.notReturned.map(num) : [];
      const mine = handed.find((w) => w.weaponId === weaponId);
      if (mine) c('handedIn', { condition: l.condition(str(mine.condition)) });
      else if (weaponId !== undefined && notReturned.includes(weaponId)) c('notReturned');
      else {
        if (handed.length) c('handedInCount', { n: l.number(handed.length) });
        if (notReturned.length) c('notReturnedCount', { n: l.number(notReturned.length) });
      }
      if (d.settles !== false) {
        const rounds = list(d.rounds);
        if (rounds.length) {
          const sum = (k: string) => l.number(rounds.reduce((s, r) => s + num(r[k]), 0));
          c('roundsBack', { returned: sum('returned'), expended: sum('expended'), unaccounted: sum('unaccounted') });
        }
        if (num(d.magazinesReturned) || num(d.magazinesUnaccounted)) {
          c('magazinesBack', { returned: l.number(num(d.magazinesReturned)), unaccounted: l.number(num(d.magazinesUnaccounted)) });
        }
      }
      text('reference', d.reference);
      text('note', d.note);
      break;
    }
    case 'case.opened': {
      const subject = str(d.subject);
      const key = subject === 'weapon' ? `weapon_${str(d.source) || 'custody'}` : subject;
      c('caseOpened', { id: l.number(e.seq), subject: l.t(`register:custodyDetail.caseSubject.${key}`, { n: l.number(num(d.quantity)) }) });
      if (str(d.deadline)) c('deadline', { value: formatDateTime(str(d.deadline), l.lang) });
      text('note', d.note);
      break;
    }
    case 'case.updated':
      c('caseUpdated', { id: l.number(num(d.caseId)) });
      text('explanation', d.explanation);
      break;
    case 'case.closed':
      c('caseClosed', { id: l.number(num(d.caseId)), outcome: l.t(`register:custodyDetail.outcome.${str(d.outcome)}`) });
      text('explanation', d.explanation);
      text('reference', d.reference);
      break;
  }
  return lines;
}

/** A registration brought in by a spreadsheet import names its file, line and fingerprint (ImportSource). */
function importedFrom(l: Labels, source: unknown, lines: string[]): void {
  if (typeof source !== 'object' || source === null) return;
  const s = source as Data;
  lines.push(l.t('register:eventDetail.imported', { fileName: str(s.fileName), line: str(s.line), sha256: str(s.fileSha256).slice(0, 16) }));
}
