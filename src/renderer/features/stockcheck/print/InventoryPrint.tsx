import type { PrintDoc, Screen } from '../../../app/navigation';
import type { CheckReport, SheetWeapon } from '../../../../shared/contract/stockcheck';
import { useRecord } from '../../../lib/useRecord';
import { useCaseLabels } from '../../custody/cases/labels';
import { PrintDocument } from '../../print/PrintDocument';
import { useCheckLabels } from '../labels';
import { caseLinks, reportLotKey } from '../report/caseLinks';
import { CheckFacts } from './CheckFacts';

/**
 * The inventory report (procès-verbal d'inventaire) of a closed check: counted against the book as
 * it stood at the start, every difference with the case it opened, signed by the counter, the
 * witness and the manager. The journal head is the one read with the report.
 */
export function InventoryPrint(props: { doc: Extract<PrintDoc, { kind: 'inventory' }>; back: Screen }) {
  const labels = useCheckLabels();
  const { value: report, failure } = useRecord('stockchecks.report', { id: props.doc.checkId });
  return (
    <PrintDocument
      title={labels.t('print.inventory')}
      fileName={labels.t('print.inventoryFile', { id: props.doc.checkId })}
      subtitle={report ? labels.t('print.subtitle', { id: report.check.id, scope: labels.scope(report.check) }) : undefined}
      head={report?.head ?? null}
      signatures={['counter', 'witness', 'manager']}
      signatureNames={report ? { counter: report.check.counter.fullName, ...(report.check.witness ? { witness: report.check.witness.fullName } : {}) } : {}}
      ready={report !== null}
      error={failure}
      back={props.back}
    >
      {report ? <InventoryBody report={report} /> : null}
    </PrintDocument>
  );
}

function InventoryBody(props: { report: CheckReport }) {
  const labels = useCheckLabels();
  const { report } = props;
  const { totals } = report;
  const links = caseLinks(report);
  const caseNo = (id: number | undefined) => (id === undefined ? '' : labels.t('report.case', { id }));
  const rows: [string, number][] = [
    ['totals.weaponsBook', totals.weaponsBook],
    ['totals.weaponsCounted', totals.weaponsCounted],
    ['totals.weaponsMissing', totals.weaponsMissing],
    ['totals.weaponsUnexpected', totals.weaponsUnexpected],
    ['totals.unknown', totals.unknown],
    ['totals.lotsBook', totals.lotsBook],
    ['totals.lotsDifferent', totals.lotsDifferent],
    ['totals.cases', report.cases.length],
  ];
  return (
    <>
      <CheckFacts check={report.check} />
      <section className="print-section" aria-labelledby="inv-totals">
        <h2 id="inv-totals">{labels.t('report.totals')}</h2>
        <table className="print-table inv-totals" data-testid="inventory-totals">
          <tbody>
            {rows.map(([key, n]) => (
              <tr key={key}>
                <th scope="row">{labels.t(key)}</th>
                <td className="num">{labels.number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <Weapons title={labels.t('report.missing', { n: labels.number(report.missing.length) })} weapons={report.missing} caseOf={(w) => caseNo(links.weapons.get(w.id))} />
      <Weapons title={labels.t('report.unexpected', { n: labels.number(report.unexpected.length) })} weapons={report.unexpected} />
      <section className="print-section" aria-labelledby="inv-unknown">
        <h2 id="inv-unknown">{labels.t('report.unknown', { n: labels.number(report.unknown.length) })}</h2>
        {report.unknown.length ? (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{labels.t('field.codeFound')}</th>
                <th scope="col">{labels.t('field.case')}</th>
              </tr>
            </thead>
            <tbody>
              {report.unknown.map((code) => (
                <tr key={code}>
                  <td className="code">{code}</td>
                  <td>{caseNo(links.unknown.get(code))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{labels.t('print.none')}</p>
        )}
      </section>
      {report.lots.length ? (
        <section className="print-section" aria-labelledby="inv-lots">
          <h2 id="inv-lots">{labels.t('report.lots')}</h2>
          <table className="print-table" data-testid="inventory-lots">
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
              {report.lots.map((l) => (
                <tr key={reportLotKey(l)}>
                  <td className="code">{l.storeCode}</td>
                  <td>{l.bay}</td>
                  <td className="code">{l.lotNumber}</td>
                  <td>{l.nature}</td>
                  <td className="num">{labels.number(l.book)}</td>
                  <td className="num">{labels.number(l.counted)}</td>
                  <td className="num">{labels.signed(l.difference)}</td>
                  <td>{caseNo(links.lots.get(reportLotKey(l)))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <Cases report={report} />
    </>
  );
}

function Weapons(props: { title: string; weapons: SheetWeapon[]; caseOf?: (w: SheetWeapon) => string }) {
  const labels = useCheckLabels();
  return (
    <section className="print-section">
      <h2>{props.title}</h2>
      {props.weapons.length ? (
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{labels.t('field.nationalCode')}</th>
              <th scope="col">{labels.t('field.serial')}</th>
              <th scope="col">{labels.t('field.typeModel')}</th>
              <th scope="col">{labels.t('field.location')}</th>
              {props.caseOf ? <th scope="col">{labels.t('field.case')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.weapons.map((w) => (
              <tr key={w.id}>
                <td className="code">{w.nationalCode}</td>
                <td className="code">{w.serial}</td>
                <td>{`${labels.weaponType(w.type)} · ${w.model}`}</td>
                <td>{w.location}</td>
                {props.caseOf ? <td>{props.caseOf(w)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{labels.t('print.none')}</p>
      )}
    </section>
  );
}

/** The cases opened by the close: their numbers are what the follow-up refers to. */
function Cases(props: { report: CheckReport }) {
  const labels = useCheckLabels();
  const cases = useCaseLabels();
  const { report } = props;
  return (
    <section className="print-section" aria-labelledby="inv-cases">
      <h2 id="inv-cases">{labels.t('report.cases', { n: labels.number(report.cases.length) })}</h2>
      {report.cases.length ? (
        <table className="print-table" data-testid="inventory-cases">
          <thead>
            <tr>
              <th scope="col">{labels.t('field.case')}</th>
              <th scope="col">{labels.t('field.subject')}</th>
              <th scope="col">{labels.t('field.what')}</th>
              <th scope="col">{labels.t('field.owner')}</th>
              <th scope="col">{labels.t('field.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {report.cases.map((c) => (
              <tr key={c.id}>
                <td>{labels.t('report.case', { id: c.id })}</td>
                <td>{cases.subject(c.subject)}</td>
                <td>{c.place ? `${cases.what(c)} · ${c.place.storeCode} ${c.place.bay}`.trim() : cases.what(c)}</td>
                <td>{c.owner.fullName}</td>
                <td>{labels.dateTime(c.deadline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{labels.t('report.noCases')}</p>
      )}
    </section>
  );
}
