import type { PrintDoc, Screen } from '../../../app/navigation';
import { useRecord } from '../../../lib/useRecord';
import { PrintDocument } from '../../print/PrintDocument';
import { usePrintLabels } from '../../print/labels';
import { SECTIONS } from '../fields';
import { useLabels } from '../labels';
import { eventDetails, eventLabel } from '../dossier/eventText';
import { Facts, WeaponFacts } from './WeaponFacts';
import './registerPrint.css';

/**
 * The weapon's dossier on paper (portrait): every field of the record grouped as on the form, its
 * current status, condition and place, and its whole history oldest first (as a register reads),
 * each event with who recorded and who approved it; signed by the storekeeper and the manager.
 */
export function DossierPrint(props: { doc: Extract<PrintDoc, { kind: 'dossier' }>; back: Screen }) {
  const labels = useLabels();
  const print = usePrintLabels();
  const { value: dossier, failure } = useRecord('weapons.get', { id: props.doc.weaponId });
  const t = (key: string, params?: Record<string, unknown>) => labels.t(`registerPrint:dossier.${key}`, params ?? {});
  const person = (p: { fullName: string; username: string } | null) =>
    p ? labels.t('registerPrint:person', { name: p.fullName, username: p.username }) : labels.t('registerPrint:none');
  const weapon = dossier?.weapon;
  const code = weapon?.nationalCode ?? '';
  return (
    <PrintDocument
      title={t('title', { code })}
      fileName={t('fileName', { code })}
      subtitle={weapon ? t('subtitle', { make: `${weapon.manufacturer} ${weapon.model}`, serial: weapon.serial }) : null}
      signatures={['storekeeper', 'manager']}
      ready={dossier !== null}
      error={failure}
      back={props.back}
    >
      {dossier && weapon ? (
        <>
          <section className="print-section">
            <h2>{t('current')}</h2>
            <Facts
              testId="dossier-print-current"
              items={[
                { key: 'status', label: t('status'), value: labels.status(weapon.status) },
                { key: 'condition', label: t('condition'), value: labels.condition(weapon.condition) },
                { key: 'location', label: t('location'), value: weapon.location || labels.t('registerPrint:none') },
                { key: 'registered', label: t('registered'), value: t('registeredValue', { date: print.dateTime(weapon.registeredAt), id: weapon.id }) },
              ]}
            />
          </section>
          {SECTIONS.map((section) => (
            <section key={section.id} className="print-section">
              <h2>{labels.t(`register:section.${section.id}`)}</h2>
              <WeaponFacts weapon={weapon} fields={section.fields} testId={`dossier-print-${section.id}`} />
            </section>
          ))}
          <section className="print-section">
            <h2>
              {t('history')} <small>{t('events', { count: dossier.history.length, n: print.number(dossier.history.length) })}</small>
            </h2>
            <table className="print-table rp-history" data-testid="dossier-print-history">
              <thead>
                <tr>
                  {(['seq', 'at', 'event', 'actor', 'approver', 'details'] as const).map((c) => (
                    <th key={c} scope="col" className={c === 'seq' ? 'num' : undefined}>
                      {t(`column.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {dossier.history.map((e) => (
                  <tr key={e.seq} data-seq={e.seq} data-type={e.type}>
                    <td className="num">{print.number(e.seq)}</td>
                    <td>{print.dateTime(e.at)}</td>
                    <td>{eventLabel(labels, e.type)}</td>
                    <td>{person(e.actor)}</td>
                    <td>{person(e.approver)}</td>
                    <td>
                      {eventDetails(labels, e, weapon.id).map((line, i) => (
                        <p key={i} className="rp-detail">
                          {line}
                        </p>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </PrintDocument>
  );
}
