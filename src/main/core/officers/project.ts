import { normalizeKey } from '../../../shared/domain/normalize';
import { addRef } from '../armoury/project';
import type { AuthorisationWithdrawn, OfficerAuthorised, OfficerRegistered, OfficerStatusChanged, OfficerUpdated } from '../custody/events';
import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';
import { officerSearchKey } from './queries';

/** officer.* events -> officers, officer_authorisations; refs "o:<officerId>". */
export function projectOfficers(s: Statements, e: StoredEvent): boolean {
  const officerId = applyOfficer(s, e);
  if (officerId === null) return false;
  s.sql('UPDATE officers SET updated_seq = ? WHERE id = ?').run(e.seq, officerId);
  addRef(s, `o:${officerId}`, e.seq);
  return true;
}

/** Applies one officer.* event; returns the officer it concerns, or null for any other event. */
function applyOfficer(s: Statements, e: StoredEvent): number | null {
  switch (e.type) {
    case 'officer.registered': {
      const d = e.data as OfficerRegistered;
      s.sql(
        `INSERT INTO officers (id, service_number, service_number_key, name, rank, unit, agency, status, search_key, created_at, updated_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
      ).run(e.seq, d.serviceNumber, normalizeKey(d.serviceNumber), d.name, d.rank, d.unit, d.agency, officerSearchKey(d), e.at, e.seq);
      return e.seq;
    }
    case 'officer.updated': {
      const d = e.data as OfficerUpdated;
      s.sql(
        `UPDATE officers SET service_number = ?, service_number_key = ?, name = ?, rank = ?, unit = ?, agency = ?, search_key = ?
         WHERE id = ?`,
      ).run(d.serviceNumber, normalizeKey(d.serviceNumber), d.name, d.rank, d.unit, d.agency, officerSearchKey(d), d.officerId);
      return d.officerId;
    }
    case 'officer.status_changed': {
      const d = e.data as OfficerStatusChanged;
      s.sql('UPDATE officers SET status = ? WHERE id = ?').run(d.status, d.officerId);
      return d.officerId;
    }
    case 'officer.authorised': {
      const d = e.data as OfficerAuthorised;
      s.sql(
        `INSERT INTO officer_authorisations (officer_id, weapon_type, expires, reference, seq) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (officer_id, weapon_type) DO UPDATE SET expires = excluded.expires, reference = excluded.reference, seq = excluded.seq`,
      ).run(d.officerId, d.weaponType, d.expires, d.reference, e.seq);
      return d.officerId;
    }
    case 'officer.authorisation_withdrawn': {
      const d = e.data as AuthorisationWithdrawn;
      s.sql('DELETE FROM officer_authorisations WHERE officer_id = ? AND weapon_type = ?').run(d.officerId, d.weaponType);
      return d.officerId;
    }
    default:
      return null;
  }
}
