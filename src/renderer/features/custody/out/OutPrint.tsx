import { useAppStatus } from '../../../app/navigation';
import { HeadLine } from '../../print/HeadLine';
import { pageStyle } from '../../print/pageStyle';
import { useHandoverLabels } from '../handover/labels';

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
      <HeadLine head={props.head} className="" testId="out-print-hash" />
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
 * Page "x of y" and the register's name in the page margins, in the chosen language (the print
 * kit's @page rule). Rendered only while the register is on screen.
 */
export function OutPageMargins(props: { code: string }) {
  const labels = useHandoverLabels();
  const pageOf = labels.t('print.pageOf', { page: '\u0000', pages: '\u0001' });
  return <style>{pageStyle({ orientation: 'portrait', footer: `${labels.t('out.printTitle')} · ${props.code}`, pageOf })}</style>;
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
