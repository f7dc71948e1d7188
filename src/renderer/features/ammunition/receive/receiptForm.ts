import { storeIdOf } from '../useAmmoForm';
import { today } from '../labels';

export type ReceiptMode = 'newLot' | 'transferIn' | 'existing';

/** What the receipt form holds: text as typed; the contract converts numbers and decimal commas. */
export interface ReceiptValues {
  lot: {
    lotState: string; lotNumber: string; nature: string; calibre: string; manufacturer: string; country: string;
    yearOfManufacture: string; hazardDivision: string; compatibilityGroup: string; unNumber: string; neqPerUnitKg: string;
    roundsPerBox: string; boxesPerCase: string; inspectionIntervalMonths: string; lastInspection: string;
    nextInspection: string; shelfLifeEnd: string;
  };
  dest: { storeId: string; bay: string };
  quantity: string;
  date: string;
  source: string;
  document: string;
  transferId: string;
  fromArmoury: string;
}

export function receiptDefaults(storeId: number | undefined): ReceiptValues {
  return {
    lot: {
      lotState: 'numbered', lotNumber: '', nature: '', calibre: '', manufacturer: '', country: '', yearOfManufacture: '',
      hazardDivision: '', compatibilityGroup: '', unNumber: '', neqPerUnitKg: '', roundsPerBox: '', boxesPerCase: '',
      inspectionIntervalMonths: '', lastInspection: '', nextInspection: '', shelfLifeEnd: '',
    },
    dest: { storeId: storeId ? String(storeId) : '', bay: '' },
    quantity: '',
    date: today(),
    source: '',
    document: '',
    transferId: '',
    fromArmoury: '',
  };
}

/** The operation's input for the chosen mode; fields of the other mode are left out. */
export function receiptInput(v: ReceiptValues, mode: ReceiptMode) {
  const place = { storeId: storeIdOf(v.dest?.storeId), bay: v.dest?.bay ?? '' };
  const common = { lot: v.lot, place, quantity: v.quantity, date: v.date, document: v.document };
  return mode === 'transferIn' ? { ...common, transferId: v.transferId, fromArmoury: v.fromArmoury } : { ...common, source: v.source };
}

/** A lot's packing as typed so far, or null while it is not a pair of whole numbers. */
export function typedPackaging(v: ReceiptValues['lot']) {
  const perBox = /^\d+$/.test(v.roundsPerBox.trim()) ? Number(v.roundsPerBox) : 0;
  const perCase = /^\d+$/.test(v.boxesPerCase.trim()) ? Number(v.boxesPerCase) : 0;
  return perBox > 0 && perCase > 0 ? { roundsPerBox: perBox, boxesPerCase: perCase } : null;
}
