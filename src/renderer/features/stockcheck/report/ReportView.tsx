import type { ReactNode } from 'react';
import type { CheckReport, SheetWeapon } from '../../../../shared/contract/stockcheck';
import { useNavigate } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useRecord } from '../../../lib/useRecord';
import { CheckHeader } from '../CheckHeader';
import { useCheckLabels } from '../labels';
import { caseLinks, reportLotKey, type CaseLinks } from './caseLinks';
import { ReportCases } from './ReportCases';

/**
 * A closed check's inventory report on screen: counted against the book as it stood at the start,
 * the weapons missing or found besides, the unknown codes, every lot place with its difference,
 * and the case each difference opened.
 */
export function ReportView(props: { id: number; initial: CheckReport | null; back: ReactNode }) {
  const labels = useCheckLabels();
  const loaded = useRecord('stockchecks.report', { id: props.id });
  const report = props.initial ?? loaded.value;
  if (!report) {
    return loaded.failure ? (
      <section className="reg-screen sc-screen">
        {props.back}
        <ErrorBanner error={loaded.failure} />
      </section>
    ) : (
      <p className="reg-loading">{labels.t('common.loading')}</p>
    );
  }
  return <Report report={report} back={props.back} />;
}

function Report(props: { report: CheckReport; back: ReactNode }) {
  const labels = useCheckLabels();
  const { report } = props;
  const { check, totals } = report;
  const links = caseLinks(report);
  const facts: [string, string, string][] = [
    ['weaponsBook', 'totals.weaponsBook', labels.number(totals.weaponsBook)],
    ['weaponsCounted', 'totals.weaponsCounted', labels.number(totals.weaponsCounted)],
    ['weaponsMissing', 'totals.weaponsMissing', labels.number(totals.weaponsMissing)],
    ['weaponsUnexpected', 'totals.weaponsUnexpected', labels.number(totals.weaponsUnexpected)],
    ['unknown', 'totals.unknown', labels.number(totals.unknown)],
    ['lotsBook', 'totals.lotsBook', labels.number(totals.lotsBook)],
    ['lotsDifferent', 'totals.lotsDifferent', labels.number(totals.lotsDifferent)],
    ['cases', 'totals.cases', labels.number(report.cases.length)],
  ];
  return (
    <section className="reg-screen sc-screen" aria-labelledby="sc-report-title" data-testid="stockCheck-screen" data-check={check.id} data-status="closed">
      <CheckHeader check={check} back={props.back} title={labels.t('report.title', { id: check.id })} titleId="sc-report-title" primaryPrint />
      <dl className="facts sc-facts" data-testid="report-facts">
        <dt>{labels.t('field.startedAt')}</dt>
        <dd>{labels.dateTime(check.startedAt)}</dd>
        <dt>{labels.t('field.closedAt')}</dt>
        <dd>{labels.dateTime(check.closedAt)}</dd>
        <dt>{labels.t('field.counter')}</dt>
        <dd data-testid="report-counter">{labels.actor(check.counter)}</dd>
        <dt>{labels.t('field.witness')}</dt>
        <dd data-testid="report-witness">{labels.actor(check.witness)}</dd>
        {check.note ? (
          <>
            <dt>{labels.t('field.note')}</dt>
            <dd>{check.note}</dd>
          </>
        ) : null}
      </dl>
      <section className="sc-section" aria-labelledby="sc-totals-title">
        <h2 id="sc-totals-title">{labels.t('report.totals')}</h2>
        <dl className="sc-totals" data-testid="report-totals">
          {facts.map(([id, key, value]) => (
            <div key={id} className="sc-total">
              <dt>{labels.t(key)}</dt>
              <dd data-testid={`total-${id}`}>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <WeaponList id="missing" weapons={report.missing} links={links} />
      <WeaponList id="unexpected" weapons={report.unexpected} links={links} />
      {report.unknown.length ? (
        <section className="sc-section" aria-labelledby="sc-unknown-report" data-testid="report-unknown">
          <h2 id="sc-unknown-report">{labels.t('report.unknown', { n: labels.number(report.unknown.length) })}</h2>
          <ul className="ho-list">
            {report.unknown.map((code) => (
              <li key={code} data-code={code}>
                <span className="code">{code}</span> <CaseLink id={links.unknown.get(code)} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.lots.length ? <LotTable report={report} links={links} /> : null}
      <ReportCases report={report} />
    </section>
  );
}

export function CaseLink(props: { id: number | undefined }) {
  const labels = useCheckLabels();
  const navigate = useNavigate();
  if (props.id === undefined) return null;
  const id = props.id;
  return (
    <button type="button" className="reg-link" onClick={() => navigate({ name: 'case', id })} data-testid="report-case-link" data-case={id}>
      {labels.t('report.case', { id })}
    </button>
  );
}

function WeaponList(props: { id: 'missing' | 'unexpected'; weapons: SheetWeapon[]; links: CaseLinks }) {
  const labels = useCheckLabels();
  if (props.weapons.length === 0) return null;
  return (
    <section className="sc-section" aria-labelledby={`sc-${props.id}-title`} data-testid={`report-${props.id}`}>
      <h2 id={`sc-${props.id}-title`}>{labels.t(`report.${props.id}`, { n: labels.number(props.weapons.length) })}</h2>
      {props.id === 'unexpected' ? <p className="sc-muted">{labels.t('report.unexpectedNote')}</p> : null}
      <table className="table table--compact sc-table">
        <thead>
          <tr>
            <th scope="col">{labels.t('field.nationalCode')}</th>
            <th scope="col">{labels.t('field.serial')}</th>
            <th scope="col">{labels.t('field.typeModel')}</th>
            <th scope="col">{labels.t('field.location')}</th>
            {props.id === 'missing' ? <th scope="col">{labels.t('field.case')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.weapons.map((w) => (
            <tr key={w.id} data-testid="report-weapon" data-weapon={w.id}>
              <td className="code">{w.nationalCode}</td>
              <td className="code">{w.serial}</td>
              <td>{`${labels.weaponType(w.type)} · ${w.model}`}</td>
              <td>{w.location}</td>
              {props.id === 'missing' ? (
                <td>
                  <CaseLink id={props.links.weapons.get(w.id)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LotTable(props: { report: CheckReport; links: CaseLinks }) {
  const labels = useCheckLabels();
  return (
    <section className="sc-section" aria-labelledby="sc-lots-report" data-testid="report-lots">
      <h2 id="sc-lots-report">{labels.t('report.lots')}</h2>
      <table className="table table--compact sc-table">
        <thead>
          <tr>
            <th scope="col">{labels.t('field.store')}</th>
            <th scope="col">{labels.t('field.bay')}</th>
            <th scope="col">{labels.t('field.lot')}</th>
            <th scope="col">{labels.t('field.nature')}</th>
            <th scope="col" className="num">{labels.t('field.book')}</th>
            <th scope="col" className="num">{labels.t('field.counted')}</th>
            <th scope="col" className="num">{labels.t('field.difference')}</th>
            <th scope="col">{labels.t('field.case')}</th>
          </tr>
        </thead>
        <tbody>
          {props.report.lots.map((l) => (
            <tr key={reportLotKey(l)} data-testid="report-lot" data-lot={l.lotId} data-difference={l.difference} className={l.difference ? 'sc-row--diff' : undefined}>
              <td className="code">{l.storeCode}</td>
              <td>{l.bay || '—'}</td>
              <td className="code">{l.lotNumber}</td>
              <td>{l.nature}</td>
              <td className="num">{labels.number(l.book)}</td>
              <td className="num">{labels.number(l.counted)}</td>
              <td className="num" data-testid="lot-difference">{labels.signed(l.difference)}</td>
              <td>
                <CaseLink id={props.links.lots.get(reportLotKey(l))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
