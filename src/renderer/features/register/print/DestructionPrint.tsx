import type { PrintDoc, Screen } from '../../../app/navigation';
import { useRecord } from '../../../lib/useRecord';
import { PrintDocument } from '../../print/PrintDocument';
import { usePrintLabels } from '../../print/labels';
import { useLabels } from '../labels';
import { Facts, IDENTIFICATION, WeaponFacts } from './WeaponFacts';
import './registerPrint.css';

const END_EVENTS = new Set(['weapon.destroyed', 'weapon.deactivated']);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The destruction certificate (procès-verbal de destruction) from the weapon's destruction event,
 * or the deactivation certificate from its deactivation: the weapon, date, method, certificate
 * number, the two witnesses named in the event and the approver; the witnesses (names printed)
 * and the manager sign. A deactivation names no witnesses: their blocks are left to fill in.
 */
export function DestructionPrint(props: { doc: Extract<PrintDoc, { kind: 'destruction' }>; back: Screen }) {
  const labels = useLabels();
  const print = usePrintLabels();
  const { value: dossier, failure } = useRecord('weapons.get', { id: props.doc.weaponId });
  const t = (key: string, params?: Record<string, unknown>) => labels.t(`registerPrint:destruction.${key}`, params ?? {});
  const weapon = dossier?.weapon;
  const event = dossier ? [...dossier.history].reverse().find((e) => END_EVENTS.has(e.type)) : undefined;
  const destroyed = event?.type !== 'weapon.deactivated';
  const code = weapon?.nationalCode ?? '';
  const none = labels.t('registerPrint:none');
  const witnesses = Array.isArray(event?.data.witnesses) ? event.data.witnesses.map(text) : [];
  const [first = '', second = ''] = witnesses;
  const date = event && text(event.data.date) ? print.date(text(event.data.date)) : none;
  const method = event && text(event.data.method) ? labels.method(text(event.data.method)) : none;
  const person = (p: { fullName: string; username: string } | null | undefined) =>
    p ? labels.t('registerPrint:person', { name: p.fullName, username: p.username }) : none;
  return (
    <PrintDocument
      title={t(destroyed ? 'titleDestroyed' : 'titleDeactivated')}
      fileName={t(destroyed ? 'fileDestroyed' : 'fileDeactivated', { code })}
      subtitle={weapon && event ? t('subtitle', { code, certificate: text(event.data.certificate) }) : null}
      signatures={event ? ['destructionWitness1', 'destructionWitness2', 'manager'] : []}
      signatureNames={{ destructionWitness1: first, destructionWitness2: second }}
      ready={dossier !== null}
      error={failure}
      back={props.back}
    >
      {weapon && !event ? (
        <p className="rp-notfound" role="alert" data-testid="destruction-print-missing">
          {t('notFound')}
        </p>
      ) : null}
      {weapon && event ? (
        <>
          <section className="print-section">
            <h2>{t('weapon')}</h2>
            <WeaponFacts weapon={weapon} fields={IDENTIFICATION} testId="destruction-print-weapon" />
          </section>
          <section className="print-section">
            <h2>{t('operation')}</h2>
            <Facts
              testId="destruction-print-operation"
              items={[
                { key: 'date', label: t('date'), value: date },
                ...(destroyed ? [{ key: 'method', label: t('method'), value: method }] : []),
                { key: 'certificate', label: t('certificate'), value: text(event.data.certificate) || none },
                ...(witnesses.length ? [{ key: 'witnesses', label: t('witnesses'), value: witnesses.join(' · ') }] : []),
                { key: 'approver', label: t('approver'), value: person(event.approver) },
                { key: 'recordedBy', label: t('recordedBy'), value: person(event.actor) },
                { key: 'recordedAt', label: t('recordedAt'), value: print.dateTime(event.at) },
              ]}
            />
            <p className="rp-statement" data-testid="destruction-print-statement">
              {destroyed ? t('statement', { date, method }) : t('statementDeactivated', { date })}
            </p>
            <p className="print-head__meta hash" data-testid="destruction-print-entry">
              {t('entryValue', { seq: print.number(event.seq), hash: event.hash })}
            </p>
          </section>
        </>
      ) : null}
    </PrintDocument>
  );
}
