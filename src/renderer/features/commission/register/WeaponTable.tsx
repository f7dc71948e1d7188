import type { NationalWeapon } from '../../../../shared/contract/commission';
import { useCommissionLabels } from '../labels';

/**
 * National register rows. The national code is a button: Tab reaches each weapon and Enter opens
 * its history across armouries.
 */
export function WeaponTable(props: { rows: NationalWeapon[]; onOpen: (w: NationalWeapon) => void; testId: string }) {
  const l = useCommissionLabels();
  return (
    <div className="cm-table-wrap">
      <table className="table table--compact cm-table" data-testid={props.testId}>
        <thead>
          <tr>
            <th scope="col">{l.t('weapon.nationalCode')}</th>
            <th scope="col">{l.t('weapon.serial')}</th>
            <th scope="col">{l.t('weapon.armoury')}</th>
            <th scope="col">{l.t('weapon.makeModel')}</th>
            <th scope="col">{l.t('weapon.type')}</th>
            <th scope="col">{l.t('weapon.calibre')}</th>
            <th scope="col">{l.t('weapon.agency')}</th>
            <th scope="col">{l.t('weapon.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((w) => (
            <tr key={`${w.armoury}/${w.id}`} data-armoury={w.armoury} data-weapon-id={w.id} className="cm-row--open" onClick={() => props.onOpen(w)}>
              <th scope="row">
                <button type="button" className="cm-link code" onClick={(e) => {
                    e.stopPropagation();
                    props.onOpen(w);
                  }}>
                  {w.nationalCode}
                </button>
              </th>
              <td className="code">{w.serial}</td>
              <td className="code">{w.armoury}</td>
              <td>
                {w.manufacturer} {w.model}
              </td>
              <td>{l.type(w.type)}</td>
              <td>{w.calibre}</td>
              <td>{l.agency(w.agency)}</td>
              <td>
                <span className={`cm-status cm-status--${w.status}`}>{l.status(w.status)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
