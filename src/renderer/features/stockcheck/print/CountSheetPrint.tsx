import type { PrintDoc, Screen } from '../../../app/navigation';
import type { CountSheet } from '../../../../shared/contract/stockcheck';
import { useRecord } from '../../../lib/useRecord';
import { PrintDocument } from '../../print/PrintDocument';
import { useCheckLabels } from '../labels';
import { CheckFacts } from './CheckFacts';

/** Blank lines at the end of the sheet for what is found and is not on it. */
const FOUND_LINES = 6;

/**
 * The count sheet (feuille de comptage), blind: what to count in shelf order, with a box to tick
 * or fill by hand, and never a book quantity or a weapon's status. Signed by the counter and the
 * witness; the counts are typed in afterwards on the check's screen.
 */
export function CountSheetPrint(props: { doc: Extract<PrintDoc, { kind: 'countSheet' }>; back: Screen }) {
  const labels = useCheckLabels();
  const { value: sheet, failure } = useRecord('stockchecks.sheet', { id: props.doc.checkId });
  return (
    <PrintDocument
      title={labels.t('print.countSheet')}
      fileName={labels.t('print.countSheetFile', { id: props.doc.checkId })}
      subtitle={sheet ? labels.t('print.subtitle', { id: sheet.check.id, scope: labels.scope(sheet.check) }) : undefined}
      signatures={['counter', 'witness']}
      signatureNames={sheet ? { counter: sheet.check.counter.fullName } : {}}
      ready={sheet !== null}
      error={failure}
      back={props.back}
    >
      {sheet ? <SheetBody sheet={sheet} /> : null}
    </PrintDocument>
  );
}

function SheetBody(props: { sheet: CountSheet }) {
  const labels = useCheckLabels();
  const { sheet } = props;
  const weapons = sheet.weapons;
  const countsWeapons = sheet.check.scope === 'full' || sheet.check.scope === 'weapons' || weapons.length > 0;
  return (
    <>
      <CheckFacts check={sheet.check} />
      <p className="print-section">{labels.t('print.blindNote')}</p>
      {countsWeapons ? (
        <section className="print-section" aria-labelledby="cs-weapons">
          <h2 id="cs-weapons">{labels.t('print.weapons', { n: labels.number(weapons.length) })}</h2>
          <table className="print-table" data-testid="count-sheet-weapons">
            <thead>
              <tr>
                <th scope="col" className="num">{labels.t('field.line')}</th>
                <th scope="col">{labels.t('field.nationalCode')}</th>
                <th scope="col">{labels.t('field.serial')}</th>
                <th scope="col">{labels.t('field.makeModel')}</th>
                <th scope="col">{labels.t('field.type')}</th>
                <th scope="col">{labels.t('field.calibre')}</th>
                <th scope="col">{labels.t('field.location')}</th>
                <th scope="col" className="cs-box">{labels.t('field.present')}</th>
              </tr>
            </thead>
            <tbody>
              {weapons.map((w, i) => (
                <tr key={w.id} data-weapon={w.id}>
                  <td className="num">{labels.number(i + 1)}</td>
                  <td className="code">{w.nationalCode}</td>
                  <td className="code">{w.serial}</td>
                  <td>{[w.manufacturer, w.model].filter(Boolean).join(' ')}</td>
                  <td>{labels.weaponType(w.type)}</td>
                  <td>{w.calibre}</td>
                  <td>{w.location}</td>
                  <td className="print-box" />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {sheet.lots.length ? (
        <section className="print-section" aria-labelledby="cs-lots">
          <h2 id="cs-lots">{labels.t('print.lots', { n: labels.number(sheet.lots.length) })}</h2>
          <table className="print-table cs-lots" data-testid="count-sheet-lots">
            <thead>
              <tr>
                <th scope="col">{labels.t('field.lot')}</th>
                <th scope="col">{labels.t('field.nature')}</th>
                <th scope="col">{labels.t('field.calibre')}</th>
                <th scope="col">{labels.t('field.store')}</th>
                <th scope="col">{labels.t('field.bay')}</th>
                <th scope="col">{labels.t('field.packing')}</th>
                <th scope="col" className="cs-count">{labels.t('field.countedRounds')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.lots.map((l) => (
                <tr key={`${l.lotId}:${l.storeId}:${l.bay}`} data-lot={l.lotId}>
                  <td className="code">{l.lotNumber}</td>
                  <td>{l.nature}</td>
                  <td>{l.calibre}</td>
                  <td className="code cs-nowrap">{l.storeCode}</td>
                  <td className="cs-nowrap">{l.bay}</td>
                  <td>
                    {l.roundsPerBox > 1 || l.boxesPerCase > 1
                      ? labels.t('sheet.packing', { perBox: labels.number(l.roundsPerBox), perCase: labels.number(l.boxesPerCase) })
                      : ''}
                  </td>
                  <td className="print-box" />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section className="print-section" aria-labelledby="cs-found">
        <h2 id="cs-found">{labels.t('print.found')}</h2>
        <p>{labels.t('print.foundNote')}</p>
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{labels.t('field.codeFound')}</th>
              <th scope="col">{labels.t('field.description')}</th>
              <th scope="col">{labels.t('field.location')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: FOUND_LINES }, (_, i) => (
              <tr key={i} className="cs-blank">
                <td className="print-box" />
                <td className="print-box" />
                <td className="print-box" />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
