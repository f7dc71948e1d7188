import type { CheckReport, ReportLot } from '../../../../shared/contract/stockcheck';

export const reportLotKey = (l: Pick<ReportLot, 'lotId' | 'storeCode' | 'bay'>) => `${l.lotId}:${l.storeCode}:${l.bay}`;

/**
 * Which case each difference opened, from the cases' own fields: a missing weapon by its id, an
 * unknown code by the code, a lot place by its lot and place.
 */
export function caseLinks(report: CheckReport) {
  const weapons = new Map<number, number>();
  const unknown = new Map<string, number>();
  const lots = new Map<string, number>();
  for (const c of report.cases) {
    if (c.weapon) weapons.set(c.weapon.id, c.id);
    else if (c.code) unknown.set(c.code, c.id);
    else if (c.lot && c.place) lots.set(reportLotKey({ lotId: c.lot.id, storeCode: c.place.storeCode, bay: c.place.bay }), c.id);
  }
  return { weapons, unknown, lots };
}
export type CaseLinks = ReturnType<typeof caseLinks>;
