import type { PrintDoc, Screen } from '../../../app/navigation';
import { useRecord } from '../../../lib/useRecord';
import { PrintDocument } from '../../print/PrintDocument';
import { usePrintLabels } from '../../print/labels';
import { useLabels } from '../labels';
import { Facts, IDENTIFICATION, WeaponFacts } from './WeaponFacts';
import './registerPrint.css';

const LOSS_EVENTS = new Set(['weapon.loss_reported', 'weapon.theft_reported']);
const text = (v: unknown) => (typeof v === 'string' && v ? v : '');

/**
 * The loss or theft report (procès-verbal de perte / de vol) of one journal entry: the weapon,
 * the date and circumstances as declared, the reference, who reported it and when it was
 * recorded, and the weapon's status today; signed by the reporter, the manager and the commander.
 */
export function LossReportPrint(props: { doc: Extract<PrintDoc, { kind: 'lossReport' }>; back: Screen }) {
  const labels = useLabels();
  const print = usePrintLabels();
  const { value: dossier, failure } = useRecord('weapons.get', { id: props.doc.weaponId });
  const t = (key: string, params?: Record<string, unknown>) => labels.t(`registerPrint:loss.${key}`, params ?? {});
  const weapon = dossier?.weapon;
  const event = dossier?.history.find((e) => e.seq === props.doc.seq && LOSS_EVENTS.has(e.type));
  const theft = event?.type === 'weapon.theft_reported';
  const code = weapon?.nationalCode ?? '';
  const none = labels.t('registerPrint:none');
  return (
    <PrintDocument
      title={t(theft ? 'titleTheft' : 'titleLoss')}
      fileName={t(theft ? 'fileTheft' : 'fileLoss', { code })}
      subtitle={weapon ? t('subtitle', { code, seq: print.number(props.doc.seq) }) : null}
      signatures={event ? ['reporter', 'manager', 'commander'] : []}
      signatureNames={event ? { reporter: event.actor.fullName } : {}}
      ready={dossier !== null}
      error={failure}
      back={props.back}
    >
      {weapon && !event ? (
        <p className="rp-notfound" role="alert" data-testid="loss-print-missing">
          {t('notFound', { seq: props.doc.seq })}
        </p>
      ) : null}
      {weapon && event ? (
        <>
          <section className="print-section">
            <h2>{t('weapon')}</h2>
            <WeaponFacts weapon={weapon} fields={IDENTIFICATION} testId="loss-print-weapon" />
          </section>
          <section className="print-section" data-testid="loss-print-report">
            <h2>{t('report')}</h2>
            <Facts
              items={[
                { key: 'date', label: t(theft ? 'dateTheft' : 'date'), value: text(event.data.date) ? print.date(text(event.data.date)) : none },
                { key: 'reference', label: t('reference'), value: text(event.data.reference) || none },
                { key: 'reportedBy', label: t('reportedBy'), value: labels.t('registerPrint:person', { name: event.actor.fullName, username: event.actor.username }) },
                { key: 'recordedAt', label: t('recordedAt'), value: print.dateTime(event.at) },
                { key: 'status', label: t('currentStatus'), value: labels.status(weapon.status) },
              ]}
            />
            <h2>{t('circumstances')}</h2>
            <p className="print-text" data-testid="loss-print-circumstances">
              {text(event.data.circumstances) || none}
            </p>
            <p className="print-head__meta hash" data-testid="loss-print-entry">
              {t('entryValue', { seq: print.number(event.seq), hash: event.hash })}
            </p>
          </section>
        </>
      ) : null}
    </PrintDocument>
  );
}
