import { useAppStatus } from '../../../app/navigation';
import { useHandoverLabels } from '../handover/labels';

/** Quotes text for a CSS `content` string. */
const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

/**
 * On paper only: the armoury, the title, when the list was read and the journal head at that
 * moment, so the sheet can be matched to the digital record; any filter is said, so a partial
 * list is never taken for the whole register.
 */
export function OutPrintHead(props: { at: string; head: { seq: number; hash: string }; search: string; overdueOnly: boolean }) {
  const labels = useHandoverLabels();
  const { armoury } = useAppStatus();
  return (
    <div className="ho-print-only ho-print-head" data-testid="out-print-head">
      <p>
        <strong>{armoury?.name}</strong> <span className="code">{armoury?.code}</span>
        {armoury?.region ? <span>{` · ${armoury.region}`}</span> : null}
      </p>
      <p className="ho-print-head__title">{labels.t('out.printTitle')}</p>
      <p>{labels.t('print.stateAt', { date: labels.dateTime(props.at) })}</p>
      <p className="hash" data-testid="out-print-hash">
        {labels.t('print.journalHead', { seq: labels.number(props.head.seq), hash: props.head.hash })}
      </p>
      {props.search || props.overdueOnly ? (
        <p className="ho-print-head__filter">
          {[props.search ? labels.t('print.filterSearch', { search: props.search }) : '', props.overdueOnly ? labels.t('print.filterOverdue') : '']
            .filter(Boolean)
            .join(' · ')}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Page "x of y" and the register's name in the page margins (CSS paged media: Chromium 131+),
 * in the chosen language. Rendered only while the register is on screen.
 */
export function OutPageMargins(props: { code: string }) {
  const labels = useHandoverLabels();
  const [before, after = ''] = labels.t('print.pageOf', { page: '\u0000', pages: '\u0001' }).split('\u0000');
  const [middle = '', end = ''] = after.split('\u0001');
  const pages = `${cssString(before ?? '')} counter(page) ${cssString(middle)} counter(pages) ${cssString(end)}`;
  const css = `@media print { @page { size: A4; margin: 14mm 12mm 16mm;
  @bottom-left { content: ${cssString(`${labels.t('out.printTitle')} · ${props.code}`)}; font-size: 8pt; }
  @bottom-right { content: ${pages}; font-size: 8pt; } } }`;
  return <style>{css}</style>;
}

export function OutSignatures() {
  const labels = useHandoverLabels();
  return (
    <div className="ho-print-only ho-signatures">
      {(['storekeeper', 'manager'] as const).map((who) => (
        <div key={who} className="ho-signature">
          <p>{labels.t(`print.signature.${who}`)}</p>
          <p className="ho-signature__line">{labels.t('print.nameDateSignature')}</p>
        </div>
      ))}
    </div>
  );
}
