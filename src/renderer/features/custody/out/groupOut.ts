import type { OutRow } from '../../../../shared/contract/custody';

export interface OfficerGroup {
  officer: OutRow['officer'];
  rows: OutRow[];
  overdue: number;
}

export interface UnitGroup {
  unit: string;
  officers: OfficerGroup[];
  weapons: number;
  overdue: number;
}

/**
 * The register as people read it: by unit, then officer (by name), then the order weapons went
 * out. One pass over the rows plus sorts of the small group lists; fine for thousands of rows.
 */
export function groupOut(rows: readonly OutRow[], locale: string): UnitGroup[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const units = new Map<string, Map<number, OfficerGroup>>();
  for (const row of rows) {
    let officers = units.get(row.officer.unit);
    if (!officers) units.set(row.officer.unit, (officers = new Map()));
    let group = officers.get(row.officer.id);
    if (!group) officers.set(row.officer.id, (group = { officer: row.officer, rows: [], overdue: 0 }));
    group.rows.push(row);
    if (row.overdue) group.overdue += 1;
  }
  const result: UnitGroup[] = [];
  for (const [unit, officers] of units) {
    const list = [...officers.values()].sort(
      (a, b) => collator.compare(a.officer.name, b.officer.name) || collator.compare(a.officer.serviceNumber, b.officer.serviceNumber),
    );
    for (const o of list) o.rows.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a.weapon.nationalCode.localeCompare(b.weapon.nationalCode));
    result.push({
      unit,
      officers: list,
      weapons: list.reduce((n, o) => n + o.rows.length, 0),
      overdue: list.reduce((n, o) => n + o.overdue, 0),
    });
  }
  return result.sort((a, b) => collator.compare(a.unit, b.unit));
}
