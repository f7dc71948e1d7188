import { officerFields, type OfficerStatus } from '../../../shared/domain/custody';
import type { WeaponType } from '../../../shared/domain/enums';
import { addDays } from '../ammunition/dates';
import { authoriseOfficer, registerOfficer, setOfficerStatus } from '../officers/officers';
import type { Store } from '../store';
import {
  FIRST_NAMES, KNOWN_OFFICERS, LAST_NAMES, OFFICER_AGENCIES, OFFICER_UNITS, RANKS, SERVICE_PREFIX, type OfficerAgency,
} from './custody-catalogue';
import type { prng } from './generate';

type Rng = ReturnType<typeof prng>;

/** How many officers the personnel register holds (the ammunition history's six among them). */
const OFFICERS = 60;

export interface DemoOfficer {
  id: number;
  serviceNumber: string;
  name: string;
  rank: string;
  unit: string;
  agency: OfficerAgency;
  status: OfficerStatus;
  /** Expiry date of the authorisation held for each weapon type. */
  auth: Map<WeaponType, string>;
}

/** dd/mm/yyyy, as French references write a date. */
export const fr = (iso: string) => iso.split('-').reverse().join('/');

/** Senior ranks: they carry a service pistol, some as a long-term assignment. */
export const SENIOR = /Commissaire|Lieutenant|Capitaine|Inspecteur principal|Adjudant/;

/** Which types an officer is authorised for: police officers mostly carry pistols, the others rifles. */
function typesFor(r: Rng, agency: OfficerAgency, rank: string): WeaponType[] {
  const armed = agency === 'gendarmerie' || agency === 'national_guard';
  const shares: [WeaponType, number][] = [
    ['pistol', SENIOR.test(rank) ? 1 : armed ? 0.5 : 0.9], ['assault_rifle', armed ? 0.95 : 0.55], ['submachine_gun', 0.15], ['shotgun', agency === 'police' ? 0.1 : 0.03],
  ];
  const types = shares.filter(([, share]) => r.next() < share).map(([type]) => type);
  return types.length > 0 ? types : ['pistol'];
}

/**
 * The personnel register: officers, their authorisations (a few lapse during the year and are
 * renewed, a few have expired by today) and the year's status changes. `start` is the history's
 * first day, `end` the demo's today.
 */
export class Personnel {
  readonly officers: DemoOfficer[] = [];
  /** The officer whose rifle authorisation lapsed two months ago: issued one on the manager's override. */
  lapsed: DemoOfficer | undefined;
  /** Authorisations renewed during the year, by day: the type lapsed a few days before. */
  private readonly renewals = new Map<string, { officer: DemoOfficer; type: WeaponType }[]>();
  private issued = 0;

  constructor(
    private readonly store: Store,
    private readonly r: Rng,
    private readonly managerId: number,
    private readonly start: string,
    private readonly end: string,
  ) {}

  /** An authorisation expiring `day` or later covers `day`. */
  authorised(o: DemoOfficer, type: WeaponType, day: string): boolean {
    return o.status === 'active' && (o.auth.get(type) ?? '') >= day;
  }

  /** Registers every officer and their authorisations; returns them. */
  register(): DemoOfficer[] {
    const r = this.r;
    const names = new Set(KNOWN_OFFICERS.map((o) => o.name));
    const numbers = new Set<string>();
    const people = [...KNOWN_OFFICERS];
    while (people.length < OFFICERS) {
      const name = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
      if (names.has(name)) continue;
      names.add(name);
      let u = r.next();
      const agency = OFFICER_AGENCIES.find(([, share]) => (u -= share) < 0)?.[0] ?? 'police';
      // most officers at the counter are junior: the first half of the ranks, twice as often
      const ranks = RANKS[agency];
      const rank = ranks[r.next() < 0.66 ? r.int(0, Math.floor(ranks.length / 2)) : r.int(0, ranks.length - 1)] as string;
      people.push({ rank, name, agency });
    }
    for (const p of people) {
      let serviceNumber = '';
      while (serviceNumber === '' || numbers.has(serviceNumber)) serviceNumber = `${SERVICE_PREFIX[p.agency]}-${String(this.r.int(1000, 99_999)).padStart(5, '0')}`;
      numbers.add(serviceNumber);
      const fields = officerFields.parse({ serviceNumber, name: p.name, rank: p.rank, unit: r.pick(OFFICER_UNITS[p.agency]), agency: p.agency });
      const id = registerOfficer(this.store, this.managerId, fields);
      const officer: DemoOfficer = { id, ...fields, agency: p.agency, status: 'active', auth: new Map() };
      this.officers.push(officer);
      const lapsed = this.officers.length === KNOWN_OFFICERS.length + 1;
      const types = typesFor(r, p.agency, p.rank).filter((type) => !lapsed || type !== 'assault_rifle');
      for (const type of types) this.authorise(officer, type, this.firstExpiry(officer, type));
      if (lapsed) {
        this.authorise(officer, 'assault_rifle', addDays(this.end, -75));
        this.lapsed = officer;
      }
    }
    return this.officers;
  }

  /** Most authorisations run past today; some lapse mid-year (renewed some days later); some have expired by today. */
  private firstExpiry(officer: DemoOfficer, type: WeaponType): string {
    const u = this.r.next();
    if (u < 0.06) return addDays(this.end, -this.r.int(10, 150));
    if (u < 0.14) {
      const expires = addDays(this.start, this.r.int(40, 300));
      const renewal = addDays(expires, this.r.int(1, 12));
      this.renewals.set(renewal, [...(this.renewals.get(renewal) ?? []), { officer, type }]);
      return expires;
    }
    return addDays(this.end, this.r.int(20, 700));
  }

  authorise(officer: DemoOfficer, type: WeaponType, expires: string, reference = this.reference()): void {
    authoriseOfficer(this.store, this.managerId, { officerId: officer.id, weaponType: type, expires, reference });
    officer.auth.set(type, expires);
  }

  private reference(): string {
    this.issued += 1;
    return `Habilitation n° ${this.start.slice(0, 4)}/${String(this.issued).padStart(4, '0')}`;
  }

  /** The day's renewals, after a qualification shoot. */
  renew(day: string): void {
    for (const { officer, type } of this.renewals.get(day) ?? []) {
      if (officer.status === 'active') this.authorise(officer, type, addDays(day, 730), `Recyclage au tir du ${fr(day)}`);
    }
  }

  setStatus(officer: DemoOfficer, status: OfficerStatus, reason: string): void {
    setOfficerStatus(this.store, this.managerId, officer.id, status, reason);
    officer.status = status;
  }
}
