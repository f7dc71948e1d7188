import type { HistoryEntry } from '../../../../shared/contract/register';
import { fieldValueText, type Labels } from '../labels';

type Data = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Weapon events this screen names (register:event.<name>); others show their type code. */
const KNOWN_EVENTS = new Set([
  'registered', 'transferred_in', 'corrected', 'moved', 'maintenance_out', 'maintenance_back', 'condition_changed',
  'loss_reported', 'theft_reported', 'recovered', 'surplus_declared', 'destroyed', 'deactivated', 'transferred_out',
]);

/** The translated name of a journal event type (`weapon.loss_reported` -> register:event.loss_reported). */
export function eventLabel(l: Labels, type: string): string {
  const key = type.startsWith('weapon.') ? type.slice('weapon.'.length) : '';
  return KNOWN_EVENTS.has(key) ? l.t(`register:event.${key}`) : type;
}

/**
 * What an event says, as lines a person reads in a dossier: reasons, document references,
 * methods, witnesses. A line is left out when its value is empty.
 */
export function eventDetails(l: Labels, e: HistoryEntry): string[] {
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
